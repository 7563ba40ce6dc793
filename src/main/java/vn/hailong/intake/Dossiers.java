package vn.hailong.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Dossiers extends JpaRepository<Dossier, UUID> {

    /** With its officers in the same query (the collection is eager; a derived query would load it by a second one). */
    @EntityGraph(attributePaths = "officers")
    Optional<Dossier> findByCode(String code);

    @Query("""
            select new vn.hailong.intake.DossierRef(d.id, d.code, d.evaluatedAgencyId, d.procedureId)
            from Dossier d where d.code = :code""")
    Optional<DossierRef> findRefByCode(String code);
}
