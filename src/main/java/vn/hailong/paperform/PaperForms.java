package vn.hailong.paperform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaperForms extends JpaRepository<PaperForm, UUID> {

    Optional<PaperForm> findBySerial(String serial);

    @Query("select f from PaperForm f where f.secondKeyingDue = true and f.secondKeyedAt is null order by f.keyedAt")
    List<PaperForm> awaitingSecondKeying();

    /** Keyed forms, forms awaiting their check, checked forms, mismatched forms: of every unit. */
    @Query("""
            select new vn.hailong.paperform.PaperForms$Counts(count(f),
                coalesce(sum(case when f.secondKeyingDue = true and f.secondKeyedAt is null then 1 else 0 end), 0),
                coalesce(sum(case when f.secondKeyedAt is not null then 1 else 0 end), 0),
                coalesce(sum(case when f.secondKeyingMatches = false then 1 else 0 end), 0))
            from PaperForm f""")
    Counts counts();

    /** As {@link #counts()}, of these units. */
    @Query("""
            select new vn.hailong.paperform.PaperForms$Counts(count(f),
                coalesce(sum(case when f.secondKeyingDue = true and f.secondKeyedAt is null then 1 else 0 end), 0),
                coalesce(sum(case when f.secondKeyedAt is not null then 1 else 0 end), 0),
                coalesce(sum(case when f.secondKeyingMatches = false then 1 else 0 end), 0))
            from PaperForm f where f.unitId in :units""")
    Counts countsIn(Collection<UUID> units);

    @Query("select f from PaperForm f where f.secondKeyingMatches = false order by f.secondKeyedAt desc limit 50")
    List<PaperForm> latestMismatches();

    @Query(
            "select f from PaperForm f where f.secondKeyingMatches = false and f.unitId in :units order by f.secondKeyedAt desc limit 50")
    List<PaperForm> latestMismatchesIn(Collection<UUID> units);

    record Counts(long keyed, long awaitingCheck, long checked, long mismatched) {}
}
