package vn.hailong.rating;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.platform.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rating table's own rules, checked with plain SQL on the embedded MariaDB: they must hold
 * even for a writer that bypasses the application (a second node, a script, a migration).
 */
@HaiLongTest
class RatingTableTest {

    static final String DEFAULT_TEMPLATE_ID = "018f0000-0000-7000-8000-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Object> dossier;

    @BeforeEach
    void storeDossier() {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String code = oneStop.sendsReceivedDossier(oneStop.registersUnit("DEPARTMENT"));
        dossier = jdbc.queryForMap("SELECT id, evaluated_agency_id, procedure_id FROM dossier WHERE code = ?", code);
    }

    /** Inserts a rating of the test's dossier; {@code counted} says whether it claims the counted slot. */
    void insertRating(String status, boolean counted) {
        Object dossierId = dossier.get("id").toString();
        jdbc.update(
                """
                INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel,
                    template_id, status, overall_option, overall_points, submitted_at, idempotency_key, request_hash)
                VALUES (?, 0, ?, ?, ?, ?, 'PAPER', ?, ?, 'SATISFIED', 1, UTC_TIMESTAMP(6), ?, ?)""",
                Ids.newId().toString(),
                dossierId,
                counted ? dossierId : null,
                dossier.get("evaluated_agency_id").toString(),
                dossier.get("procedure_id").toString(),
                DEFAULT_TEMPLATE_ID,
                status,
                "sql-" + UUID.randomUUID(),
                new byte[32]);
    }

    int rowsOfDossier() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                Integer.class,
                dossier.get("id").toString());
    }

    @Test
    void the_database_refuses_a_second_counted_rating_of_a_dossier() {
        insertRating("COUNTED", true);

        assertThatThrownBy(() -> insertRating("COUNTED", true)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rowsOfDossier()).isEqualTo(1);
    }

    @Test
    void the_database_keeps_a_superseded_rating_beside_the_counted_one() {
        insertRating("COUNTED", true);

        insertRating("SUPERSEDED", false);

        assertThat(rowsOfDossier()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE counted_dossier_id = ?",
                        Integer.class,
                        dossier.get("id").toString()))
                .isEqualTo(1);
    }

    @Test
    void the_database_refuses_a_counted_rating_that_does_not_claim_its_dossier() {
        assertThatThrownBy(() -> insertRating("COUNTED", false)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rowsOfDossier()).isZero();
    }

    @Test
    void the_database_refuses_an_uncounted_rating_that_claims_its_dossier() {
        assertThatThrownBy(() -> insertRating("EXCLUDED", true)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rowsOfDossier()).isZero();
    }

    @Test
    void no_rating_table_has_a_column_for_the_citizens_identity_or_address() {
        Set<String> forbidden = Set.of(
                "ip",
                "address",
                "addr",
                "phone",
                "name",
                "citizen",
                "email",
                "user",
                "applicant",
                "identity",
                "agent",
                "cccd",
                "cmnd");

        List<String> columns = jdbc.queryForList("""
                SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name IN ('rating', 'rating_answer', 'rating_reason')""", String.class);

        assertThat(columns).contains("rating.dossier_id", "rating.device_id", "rating_reason.reason_code");
        assertThat(columns)
                .noneMatch(column -> Arrays.stream(column.substring(column.indexOf('.') + 1)
                                .toLowerCase()
                                .split("_"))
                        .anyMatch(forbidden::contains));
    }
}
