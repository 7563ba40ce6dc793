package vn.hailong.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Agencies extends JpaRepository<Agency, UUID> {

    Optional<Agency> findByCode(String code);

    List<Agency> findByCodeIn(Collection<String> codes);

    List<Agency> findAllByOrderByCode();

    @Query("select a.id from Agency a")
    List<UUID> allIds();

    /**
     * The unit and every unit below it, in one recursive query over the parent index (rather than
     * loading every agency). UNION, not UNION ALL: a cycle in bad data ends instead of looping.
     */
    @Query(value = """
            WITH RECURSIVE sub (id) AS (
                SELECT id FROM agency WHERE id = :root
                UNION
                SELECT a.id FROM agency a JOIN sub ON a.parent_id = sub.id)
            SELECT CAST(id AS CHAR) FROM sub""", nativeQuery = true)
    List<String> subtreeIds(@Param("root") String rootId);

    /**
     * The units above this one, nearest first, in one recursive query. UNION stops a cycle in bad
     * data; the unit itself is left out.
     */
    @Query(value = """
            WITH RECURSIVE up (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM agency WHERE id = :unit
                UNION
                SELECT a.id, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id WHERE up.depth < 64)
            SELECT CAST(id AS CHAR) FROM up WHERE depth > 0 ORDER BY depth""", nativeQuery = true)
    List<String> ancestorIds(@Param("unit") String unitId);

    /** Every unit's id and its parent's (null at the top), without loading the units. */
    @Query("select a.id, a.parentId from Agency a")
    List<Object[]> parentLinks();
}
