package vn.hailong.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.hailong.platform.Ids;

/**
 * The directory's inserts that JPA cannot say: registering a procedure or an officer on first
 * sight with {@code INSERT IGNORE}, so that a concurrent first sight yields instead of failing.
 */
@Repository
class DirectoryStore {

    private final JdbcClient jdbc;

    DirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a procedure unless one with this code exists (or is being registered) already. */
    void registerProcedureIfAbsent(String code, String name, @Nullable String field) {
        jdbc.sql(
                        "INSERT IGNORE INTO admin_procedure (id, version, code, name, field) VALUES (:id, 0, :code, :name, :field)")
                .param("id", Ids.newId().toString())
                .param("code", code)
                .param("name", name)
                .param("field", field)
                .update();
    }

    /** Registers an officer unless one with this one-stop id exists (or is being registered) already. */
    void registerOfficerIfAbsent(String externalId, String displayName) {
        jdbc.sql(
                        "INSERT IGNORE INTO officer (id, version, external_id, display_name) VALUES (:id, 0, :externalId, :name)")
                .param("id", Ids.newId().toString())
                .param("externalId", externalId)
                .param("name", displayName)
                .update();
    }
}
