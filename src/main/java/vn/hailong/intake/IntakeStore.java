package vn.hailong.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake's statements that bypass JPA on purpose (see each method). */
@Repository
class IntakeStore {

    private final JdbcClient jdbc;

    IntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A dossier's id by its code, as one auto-committed statement when no transaction is open (and
     * so none of the round trips that begin and end one): printing a receipt's QR asks it.
     */
    Optional<UUID> idByCode(String code) {
        return jdbc.sql("SELECT id FROM dossier WHERE code = :code")
                .param("code", code)
                .query(UUID.class)
                .optional();
    }
}
