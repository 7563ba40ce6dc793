package vn.hailong.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.hailong.index.internal.IndexJson;

/** The rows of {@code index_methodology}: versions are inserted, never changed (times in UTC). */
@Repository
class MethodologyStore {

    private final JdbcClient jdbc;

    MethodologyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of a scheme's latest version made for that year, or else its latest for any year. */
    Optional<UUID> latestFor(String scheme, int year) {
        return jdbc.sql("""
                SELECT id FROM index_methodology WHERE scheme = :scheme AND (year = :year OR year IS NULL)
                ORDER BY year IS NULL, version DESC LIMIT 1""").param("scheme", scheme).param("year", year).query(UUID.class).list().stream()
                .map(Objects::requireNonNull) // the primary key: never NULL
                .findFirst();
    }

    Optional<Methodology> methodology(UUID id) {
        return jdbc
                .sql("SELECT * FROM index_methodology WHERE id = :id")
                .param("id", id.toString())
                .query(MethodologyStore::methodology)
                .list()
                .stream()
                .findFirst();
    }

    /** The ids of a scheme's versions, newest first. */
    List<UUID> versionsOf(String scheme) {
        return jdbc
                .sql("SELECT id FROM index_methodology WHERE scheme = :scheme ORDER BY version DESC")
                .param("scheme", scheme)
                .query(UUID.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // the primary key: never NULL
                .toList();
    }

    /** The schemes, by code. */
    List<String> schemes() {
        return jdbc
                .sql("SELECT DISTINCT scheme FROM index_methodology ORDER BY scheme")
                .query(String.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // scheme is NOT NULL
                .toList();
    }

    /** A scheme's latest version number; null for a new scheme (MAX gives one row, NULL when none). */
    @Nullable
    Integer latestVersion(String scheme) {
        return jdbc.sql("SELECT MAX(version) FROM index_methodology WHERE scheme = :scheme")
                .param("scheme", scheme)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** A new version; the unique key (scheme, version) refuses a second one with its number. */
    void insert(
            UUID id,
            String scheme,
            int version,
            @Nullable String province,
            @Nullable Integer year,
            String name,
            String definitionJson,
            Instant at,
            String by) {
        jdbc.sql("""
                INSERT INTO index_methodology (id, scheme, version, province, year, name, definition, created_at, created_by)
                VALUES (:id, :scheme, :version, :province, :year, :name, :definition, :at, :by)""")
                .param("id", id.toString())
                .param("scheme", scheme)
                .param("version", version)
                .param("province", province)
                .param("year", year)
                .param("name", name)
                .param("definition", definitionJson)
                .param("at", Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)))
                .param("by", by)
                .update();
    }

    private static Methodology methodology(ResultSet rs, int i) throws SQLException {
        return new Methodology(
                rs.getObject("id", UUID.class),
                rs.getString("scheme"),
                rs.getInt("version"),
                rs.getString("province"),
                (Integer) rs.getObject("year"),
                rs.getString("name"),
                IndexJson.read(rs.getString("definition"), Methodology.Definition.class));
    }
}
