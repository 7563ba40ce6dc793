package vn.hailong.paperform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.paperform.PaperFormService.CheckResult;
import vn.hailong.paperform.PaperFormService.KeyedForm;
import vn.hailong.paperform.PaperFormService.PaperFormEntry;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountAdminService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paper forms keyed in on the embedded MariaDB: one rating per form, the channel's rules, the blind second keying. */
@HaiLongTest
class PaperFormServiceTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    PaperFormService paperForms;

    @Autowired
    RatingService ratings;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAdminService accountAdmin;

    @Autowired
    JdbcTemplate jdbc;

    String unit;
    String clerk;
    String secondClerk;
    int sequence;

    @BeforeEach
    void aUnitAndTwoClerks() {
        unit = TestData.agencyCode();
        directory.upsertUnit(
                unit, new UnitChange("Sở thử nghiệm phiếu giấy", "DEPARTMENT", null, null, null, null, null));
        clerk = account(Role.DATA_ENTRY, unit);
        secondClerk = account(Role.DATA_ENTRY, null);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    String account(Role role, String agencyCode) {
        String username = "nhap-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "Nhap-passw0rd!", "Người nhập phiếu", role, agencyCode);
        return username;
    }

    void as(String username, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }

    DossierDetails returnedDossier(String officerId) {
        return intake.upsert(
                        TestData.dossierCode(unit, ++sequence),
                        TestData.returnedDossier(
                                unit,
                                Instant.now().minus(2, ChronoUnit.HOURS),
                                List.of(new DossierSubmission.OfficerPart(
                                        officerId, "Cán bộ " + officerId, "RETURNING"))))
                .dossier();
    }

    static String serial() {
        return "PK-" + TestData.uniqueSuffix();
    }

    static PaperFormEntry form(String serial, String dossierCode, String overall) {
        return new PaperFormEntry(
                serial,
                dossierCode,
                Map.of("overall", overall),
                overall.equals("DISSATISFIED") ? List.of("SLOW") : List.of(),
                null);
    }

    long formsWithSerial(String serial) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM paper_form WHERE serial = ?", Long.class, serial.toUpperCase());
    }

    @Test
    void a_keyed_form_is_one_counted_paper_rating_of_its_dossier_and_a_row_naming_its_clerk() {
        DossierDetails dossier = returnedDossier("cb-" + TestData.uniqueSuffix());
        String serial = serial().toLowerCase();
        as(clerk, Role.DATA_ENTRY);

        KeyedForm keyed = paperForms.keyIn(new PaperFormEntry(
                serial,
                "  " + dossier.code() + " ",
                Map.of("overall", "DISSATISFIED"),
                List.of("SLOW"),
                "Chờ lâu quá"));

        assertThat(keyed.serial()).isEqualTo(serial.toUpperCase());
        RatingFacts rating = ratings.facts(RatingId.of(keyed.ratingId())).orElseThrow();
        assertThat(rating.channel()).isEqualTo(RatingChannel.PAPER);
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.dossierId()).isEqualTo(dossier.id());
        assertThat(rating.options()).containsEntry("overall", "DISSATISFIED");
        assertThat(rating.reasons()).containsExactly("SLOW");
        assertThat(jdbc.queryForObject(
                        "SELECT keyed_by FROM paper_form WHERE serial = ?", String.class, keyed.serial()))
                .isEqualTo(clerk);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'PAPER_FORM_KEYED' AND subject = ?",
                        Long.class,
                        "paper-form:" + keyed.serial()))
                .isEqualTo(1);
    }

    @Test
    void a_serial_keyed_twice_is_refused_naming_the_serial_and_stays_one_rating() {
        DossierDetails first = returnedDossier("cb-1");
        DossierDetails second = returnedDossier("cb-2");
        String serial = serial();
        as(clerk, Role.DATA_ENTRY);
        paperForms.keyIn(form(serial, first.code(), "SATISFIED"));

        assertThatThrownBy(() -> paperForms.keyIn(form(serial, second.code(), "SATISFIED")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("serial"));
        assertThat(ratings.ofDossier(second.id())).isEmpty();
        assertThat(formsWithSerial(serial)).isEqualTo(1);
    }

    @Test
    void the_same_form_sent_by_two_clerks_at_once_is_one_rating_and_one_row() throws Exception {
        DossierDetails dossier = returnedDossier("cb-3");
        String serial = serial();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        for (String who : List.of(clerk, secondClerk, clerk, secondClerk)) {
            results.add(pool.submit(() -> {
                as(who, Role.DATA_ENTRY);
                start.await();
                try {
                    paperForms.keyIn(form(serial, dossier.code(), "VERY_SATISFIED"));
                    return "stored";
                } catch (ConflictException e) {
                    return "conflict:" + e.field();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get());
        }
        pool.shutdown();

        assertThat(Collections.frequency(outcomes, "stored")).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("stored")).allMatch(o -> o.equals("conflict:serial"));
        assertThat(ratings.ofDossier(dossier.id())).hasSize(1);
        assertThat(formsWithSerial(serial)).isEqualTo(1);
    }

    @Test
    void bad_input_names_its_field_and_stores_nothing() {
        DossierDetails dossier = returnedDossier("cb-4");
        as(clerk, Role.DATA_ENTRY);

        assertThatThrownBy(() -> paperForms.keyIn(form("", dossier.code(), "SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("serial"));
        assertThatThrownBy(() -> paperForms.keyIn(form("PK 12/3", dossier.code(), "SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("serial"));
        assertThatThrownBy(() -> paperForms.keyIn(form(serial(), unit + "-000000-9999", "SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("dossierCode"));
        String serial = serial();
        assertThatThrownBy(
                        () -> paperForms.keyIn(new PaperFormEntry(serial, dossier.code(), Map.of(), List.of(), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("answers.overall"));
        assertThatThrownBy(() -> paperForms.keyIn(
                        new PaperFormEntry(serial, dossier.code(), Map.of("overall", "DISSATISFIED"), List.of(), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("reasons"));

        assertThat(ratings.ofDossier(dossier.id())).isEmpty();
        assertThat(formsWithSerial(serial)).isZero();
    }

    @Test
    void a_clerk_never_keys_the_form_of_a_dossier_they_handled() {
        String officerId = "cb-" + TestData.uniqueSuffix();
        DossierDetails handled = returnedDossier(officerId);
        as("admin-" + TestData.uniqueSuffix(), Role.ADMIN);
        accountAdmin.setOneStopOfficerId(clerk, officerId);
        as(clerk, Role.DATA_ENTRY);

        assertThatThrownBy(() -> paperForms.keyIn(form(serial(), handled.code(), "VERY_SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("dossierCode"));
        assertThat(ratings.ofDossier(handled.id())).isEmpty();

        as(secondClerk, Role.DATA_ENTRY);
        assertThat(paperForms
                        .keyIn(form(serial(), handled.code(), "VERY_SATISFIED"))
                        .ratingId())
                .isNotNull();
    }

    @Test
    void a_clerk_of_a_unit_cannot_key_another_units_dossier() {
        String otherUnit = TestData.agencyCode();
        directory.upsertUnit(otherUnit, new UnitChange("Sở khác", "DEPARTMENT", null, null, null, null, null));
        String otherClerk = account(Role.DATA_ENTRY, otherUnit);
        DossierDetails dossier = returnedDossier("cb-5");
        as(otherClerk, Role.DATA_ENTRY);

        assertThatThrownBy(() -> paperForms.keyIn(form(serial(), dossier.code(), "SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("dossierCode"));
    }

    @Test
    void a_data_entry_account_rates_through_no_other_channel_and_other_staff_cannot_key_forms() {
        DossierDetails dossier = returnedDossier("cb-6");
        as(clerk, Role.DATA_ENTRY);
        assertThatThrownBy(() -> ratings.submit(new RatingSubmission(
                        dossier.code(),
                        "KIOSK",
                        "kiosk-" + TestData.uniqueSuffix(),
                        Map.of("overall", "SATISFIED"),
                        List.of(),
                        null,
                        null)))
                .isInstanceOf(AccessDeniedException.class);
        as(account(Role.OFFICER, unit), Role.OFFICER);
        assertThatThrownBy(() -> paperForms.keyIn(form(serial(), dossier.code(), "SATISFIED")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ratings.ofDossier(dossier.id())).isEmpty();
    }

    @Test
    void the_second_keying_is_someone_elses_and_its_mismatches_reach_the_integrity_figures() {
        DossierDetails agreed = returnedDossier("cb-7");
        DossierDetails disputed = returnedDossier("cb-8");
        String agreedSerial = serial();
        String disputedSerial = serial();
        as(clerk, Role.DATA_ENTRY);
        paperForms.keyIn(form(agreedSerial, agreed.code(), "SATISFIED"));
        KeyedForm first = paperForms.keyIn(new PaperFormEntry(
                disputedSerial,
                disputed.code(),
                Map.of("overall", "DISSATISFIED"),
                List.of("SLOW"),
                "Thái độ  chưa tốt"));
        assertThat(first.secondKeyingDue()).isTrue();
        assertThat(paperForms.awaitingSecondKeying()).extracting("serial").doesNotContain(agreedSerial, disputedSerial);
        assertThatThrownBy(() -> paperForms.keySecond(form(agreedSerial, agreed.code(), "SATISFIED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("serial"));

        as(secondClerk, Role.DATA_ENTRY);
        assertThat(paperForms.awaitingSecondKeying()).extracting("serial").contains(agreedSerial, disputedSerial);
        CheckResult same = paperForms.keySecond(form(agreedSerial, agreed.code(), "SATISFIED"));
        CheckResult different = paperForms.keySecond(new PaperFormEntry(
                disputedSerial,
                disputed.code(),
                Map.of("overall", "DISSATISFIED"),
                List.of("ATTITUDE"),
                "thái độ chưa tốt"));
        assertThatThrownBy(() -> paperForms.keySecond(form(agreedSerial, agreed.code(), "SATISFIED")))
                .isInstanceOf(ConflictException.class);

        assertThat(same.matches()).isTrue();
        assertThat(different.matches()).isFalse();
        // A comment typed with other spacing or case is the same comment; a different reason is not.
        assertThat(different.mismatchedFields()).containsExactly("reasons");
        assertThat(paperForms.awaitingSecondKeying()).extracting("serial").doesNotContain(agreedSerial, disputedSerial);
        // The first keying stays the counted rating: a supervisor compares the paper.
        assertThat(ratings.ofDossier(disputed.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.reasons()).containsExactly("SLOW"));

        as(account(Role.UNIT_MANAGER, unit), Role.UNIT_MANAGER);
        PaperFormService.Integrity integrity = paperForms.integrity();
        assertThat(integrity.keyed()).isEqualTo(2);
        assertThat(integrity.checked()).isEqualTo(2);
        assertThat(integrity.mismatched()).isEqualTo(1);
        assertThat(integrity.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.serial()).isEqualTo(disputedSerial.toUpperCase());
            assertThat(m.dossierCode()).isEqualTo(disputed.code());
            assertThat(m.keyedBy()).isEqualTo(clerk);
            assertThat(m.secondKeyedBy()).isEqualTo(secondClerk);
        });
    }
}
