package vn.hailong.rating;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Ratings extends JpaRepository<Rating, UUID> {

    Optional<Rating> findByIdempotencyKey(String idempotencyKey);

    /** The rating with this idempotency key, and every rating of this dossier (whatever their status). */
    List<Rating> findByIdempotencyKeyOrDossierId(String idempotencyKey, UUID dossierId);

    /** Whether the dossier has its counted rating, or an excluded one (which does not free it), in one query. */
    @Query("""
            select count(r) > 0 from Rating r
            where r.countedDossierId = :dossierId or (r.dossierId = :dossierId and r.status = vn.hailong.rating.RatingStatus.EXCLUDED)""")
    boolean isRated(@Param("dossierId") UUID dossierId);

    boolean existsByDossierIdAndStatus(UUID dossierId, RatingStatus status);

    Optional<Rating> findByCountedDossierId(UUID dossierId);

    @Query("select r.overallOption from Rating r where r.deviceId = :deviceId order by r.submittedAt desc")
    List<String> findLatestOverallOptionsByDevice(String deviceId, Pageable page);

    long countByDeviceIdAndSubmittedAtAfter(String deviceId, Instant since);

    /** Ratings answered "not satisfied" overall, newest first, optionally with a reason and a word of their comment. */
    @Query("""
            select r from Rating r
            where r.evaluatedAgencyId in :units and r.submittedAt >= :from and r.submittedAt < :to and r.overallPoints = 0
              and (:reason is null or :reason member of r.reasons)
              and (:text is null or lower(r.comment) like :text)
            order by r.submittedAt desc, r.id desc""")
    List<Rating> findUnhappy(
            Collection<UUID> units,
            Instant from,
            Instant to,
            @Nullable String reason,
            @Nullable String text,
            Pageable page);

    List<Rating> findByDossierIdOrderBySubmittedAt(UUID dossierId);

    @Query("""
            select r from Rating r
            where r.evaluatedAgencyId in :units and r.submittedAt >= :from and r.submittedAt < :to
            order by r.submittedAt, r.id""")
    List<Rating> findInPeriod(Collection<UUID> units, Instant from, Instant to, Pageable page);

    @Query("select r.id from Rating r where r.dossierId = :dossierId")
    List<UUID> findIdsByDossierId(UUID dossierId);

    /** Counted ratings per evaluated unit in [from, to): unit, ratings, satisfied (overall points above 0). */
    @Query("""
            select r.evaluatedAgencyId, count(r), sum(case when r.overallPoints > 0 then 1 else 0 end)
            from Rating r
            where r.status = vn.hailong.rating.RatingStatus.COUNTED
              and r.submittedAt >= :from and r.submittedAt < :to
              and r.evaluatedAgencyId in :units
            group by r.evaluatedAgencyId""")
    List<Object[]> countByUnit(Instant from, Instant to, Collection<UUID> units);
}
