package vn.hailong.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Dossiers extends JpaRepository<Dossier, UUID> {

    Optional<Dossier> findByCode(String code);

    @org.springframework.data.jpa.repository.Query("""
            select new vn.hailong.intake.DossierRef(d.id, d.code, d.evaluatedAgencyId, d.procedureId)
            from Dossier d where d.code = :code""")
    Optional<DossierRef> findRefByCode(String code);

    @org.springframework.data.jpa.repository.Query("""
            select d.evaluatedAgencyId, count(d) from Dossier d
            where d.returnedAt >= :from and d.returnedAt < :to and d.evaluatedAgencyId in :units
            group by d.evaluatedAgencyId""")
    java.util.List<Object[]> countReturnedByUnit(java.time.Instant from, java.time.Instant to, java.util.Collection<UUID> units);
}
