package vn.hailong.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code survey_link}: a dossier's survey token, kept as its hash only. */
@Repository
class SurveyLinkStore {

    /** A link to issue: the dossier and the hash of its token. */
    record NewLink(UUID dossierId, byte[] tokenHash) {}

    private final JdbcClient jdbc;
    // JdbcClient has no batches: one batch statement for many dossiers takes the template it wraps.
    private final NamedParameterJdbcOperations batches;

    SurveyLinkStore(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Issues these links in one batch, at {@code issuedAt} (UTC wall time); a dossier that has a
     * link already keeps it.
     */
    void issue(List<NewLink> links, LocalDateTime issuedAt) {
        batches.batchUpdate(
                "INSERT IGNORE INTO survey_link (dossier_id, token_hash, issued_at) VALUES (:dossier, :hash, :at)",
                links.stream()
                        .map(link -> new MapSqlParameterSource()
                                .addValue("dossier", link.dossierId().toString())
                                .addValue("hash", link.tokenHash())
                                .addValue("at", issuedAt))
                        .toArray(SqlParameterSource[]::new));
    }

    /** The dossiers whose token has this hash (one at most: the hash is unique). */
    List<UUID> dossiersOf(byte[] tokenHash) {
        return jdbc.sql("SELECT dossier_id FROM survey_link WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, i) -> UUID.fromString(rs.getString(1)))
                .list();
    }
}
