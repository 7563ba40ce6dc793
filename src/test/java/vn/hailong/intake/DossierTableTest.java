package vn.hailong.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.platform.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dossier table's own rules, checked with plain SQL on the embedded MariaDB. */
@HaiLongTest
class DossierTableTest {

    static final Instant RECEIVED = Instant.parse("2026-10-01T01:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String unit;
    Map<String, Object> references;

    @BeforeEach
    void storeDossier() {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        unit = oneStop.registersUnit("COMMUNE");
        String code = oneStop.sendsReceivedDossier(unit);
        references = jdbc.queryForMap("SELECT procedure_id, receiving_agency_id FROM dossier WHERE code = ?", code);
    }

    void insertDossier(String code, Instant dueAt, Instant returnedAt) {
        String agency = references.get("receiving_agency_id").toString();
        jdbc.update(
                """
                INSERT INTO dossier (id, version, code, procedure_id, receiving_agency_id, competent_agency_id, evaluated_agency_id,
                    channel, applicant_kind, status, received_at, due_at, returned_at, created_at, updated_at)
                VALUES (?, 0, ?, ?, ?, ?, ?, 'IN_PERSON', 'CITIZEN', 'RETURNED', ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""",
                Ids.newId().toString(),
                code,
                references.get("procedure_id").toString(),
                agency,
                agency,
                agency,
                Timestamp.from(RECEIVED),
                dueAt == null ? null : Timestamp.from(dueAt),
                returnedAt == null ? null : Timestamp.from(returnedAt));
    }

    int rows(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE code = ?", Integer.class, code);
    }

    @Test
    void the_database_accepts_a_dossier_due_after_it_was_received() {
        String code = TestData.dossierCode(unit, 500);

        insertDossier(code, RECEIVED.plusSeconds(86_400), RECEIVED.plusSeconds(3_600));

        assertThat(rows(code)).isEqualTo(1);
    }

    @Test
    void the_database_refuses_a_dossier_due_before_it_was_received() {
        String code = TestData.dossierCode(unit, 501);

        assertThatThrownBy(() -> insertDossier(code, RECEIVED.minusSeconds(1), null))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows(code)).isZero();
    }

    @Test
    void the_database_refuses_a_dossier_returned_before_it_was_received() {
        String code = TestData.dossierCode(unit, 502);

        assertThatThrownBy(() -> insertDossier(code, null, RECEIVED.minusSeconds(1)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows(code)).isZero();
    }

    @Test
    void the_database_refuses_a_second_dossier_with_the_same_code() {
        String code = TestData.dossierCode(unit, 503);
        insertDossier(code, null, null);

        assertThatThrownBy(() -> insertDossier(code, null, null)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows(code)).isEqualTo(1);
    }
}
