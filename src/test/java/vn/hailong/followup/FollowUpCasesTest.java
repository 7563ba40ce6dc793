package vn.hailong.followup;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The managers' list of cases, the case page, and who sees the citizen's number. */
@HaiLongTest
class FollowUpCasesTest {

    @Autowired
    FollowUpService followUps;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerContacts contacts;

    FollowUpFixture fx;
    String parent;
    String unit;
    String sibling;

    @BeforeEach
    void units() {
        fx = new FollowUpFixture(directory, intake, ratings, accounts, contacts);
        parent = fx.unit("Sở cấp trên", null);
        unit = fx.unit("Phòng tiếp nhận", parent);
        sibling = fx.unit("Phòng bên cạnh", parent);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    UUID caseWithNumber(DossierDetails d, String phone) {
        RatingOutcome rating = fx.rate(d, "DISSATISFIED");
        followUps.keepContact(rating.ratingId(), MobileNumber.parse(phone).orElseThrow());
        return jdbc.queryForObject(
                "SELECT id FROM follow_up_case WHERE rating_id = ?",
                UUID.class,
                rating.ratingId().toString());
    }

    @Test
    void only_the_responsible_unit_managers_read_the_number_others_see_that_there_is_one() {
        UUID caseId = caseWithNumber(fx.dossier(unit, 1), "0912 000 111");

        fx.logIn(fx.account(Role.UNIT_MANAGER, unit, null), Role.UNIT_MANAGER);
        assertThat(followUps.contactNumber(caseId)).hasValue("0912000111");
        assertThat(followUps.casePage(caseId).contactOwner()).isTrue();

        fx.logIn(fx.account(Role.UNIT_MANAGER, parent, null), Role.UNIT_MANAGER);
        assertThat(followUps.contactNumber(caseId)).hasValue("0912000111");

        for (Role role : List.of(Role.PROVINCE_MANAGER, Role.ADMIN, Role.AUDITOR)) {
            fx.logIn(fx.account(role, null, null), role);
            FollowUpService.CasePage page = followUps.casePage(caseId);
            assertThat(page.details().contactAvailable()).as(role.name()).isTrue();
            assertThat(page.contactOwner()).as(role.name()).isFalse();
            assertThat(page.toString()).doesNotContain("0912000111");
            assertThatThrownBy(() -> followUps.contactNumber(caseId))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void closing_deletes_the_number_from_the_database() {
        UUID caseId = caseWithNumber(fx.dossier(unit, 2), "0987 111 222");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE phone = '0987111222'", Integer.class))
                .isEqualTo(1);
        fx.logIn(fx.account(Role.UNIT_MANAGER, unit, null), Role.UNIT_MANAGER);
        followUps.markContacted(caseId, "Đã gọi lại");
        followUps.resolve(caseId, "Đã hướng dẫn bổ sung hồ sơ");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE phone = '0987111222'", Integer.class))
                .isEqualTo(1);
        followUps.close(caseId, null);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE phone = '0987111222'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE case_id = ?", Integer.class, caseId.toString()))
                .isZero();
        assertThat(followUps.casePage(caseId).details().contactAvailable()).isFalse();
        assertThat(followUps.casePage(caseId).mayHandle()).isFalse();
    }

    @Test
    void moving_a_case_on_is_validated_and_the_auditor_only_reads() {
        UUID caseId = caseWithNumber(fx.dossier(unit, 3), "0912 333 444");
        fx.logIn(fx.account(Role.AUDITOR, null, null), Role.AUDITOR);
        assertThat(followUps.casePage(caseId).mayHandle()).isFalse();
        assertThatThrownBy(() -> followUps.markContacted(caseId, null)).isInstanceOf(AccessDeniedException.class);

        fx.logIn(fx.account(Role.UNIT_MANAGER, unit, null), Role.UNIT_MANAGER);
        assertThat(followUps.casePage(caseId).mayHandle()).isTrue();
        assertThatThrownBy(() -> followUps.resolve(caseId, "  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outcome");
        assertThatThrownBy(() -> followUps.addNote(caseId, "")).isInstanceOf(InvalidInputException.class);
        followUps.resolve(caseId, "Đã xin lỗi người dân");
        assertThatThrownBy(() -> followUps.markContacted(caseId, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void the_list_filters_by_status_overdue_and_unit_and_puts_overdue_cases_first() {
        UUID fresh = caseWithNumber(fx.dossier(unit, 4), "0912 555 666");
        UUID late = caseWithNumber(fx.dossier(unit, 5), "0912 555 777");
        UUID neighbours = caseWithNumber(fx.dossier(sibling, 6), "0912 555 888");
        jdbc.update("UPDATE follow_up_case SET due_on = CURRENT_DATE - INTERVAL 2 DAY WHERE id = ?", late.toString());

        fx.logIn(fx.account(Role.UNIT_MANAGER, parent, null), Role.UNIT_MANAGER);
        List<FollowUpService.CaseRow> urgent = followUps.cases(FollowUpService.CaseFilter.all());
        assertThat(urgent).extracting(FollowUpService.CaseRow::id).containsExactlyInAnyOrder(fresh, late, neighbours);
        assertThat(urgent.getFirst().id()).isEqualTo(late);
        assertThat(urgent.getFirst().overdue()).isTrue();
        assertThat(urgent.getFirst().dossierCode()).startsWith(unit);
        assertThat(urgent.getFirst().contactAvailable()).isTrue();

        List<FollowUpService.CaseRow> newest = followUps.cases(
                new FollowUpService.CaseFilter(null, false, null, FollowUpService.CaseFilter.Order.NEWEST));
        assertThat(newest).extracting(FollowUpService.CaseRow::id).containsExactly(neighbours, late, fresh);

        assertThat(followUps.cases(
                        new FollowUpService.CaseFilter(null, true, null, FollowUpService.CaseFilter.Order.MOST_URGENT)))
                .extracting(FollowUpService.CaseRow::id)
                .containsExactly(late);
        UUID siblingId = directory.findUnit(sibling).orElseThrow().id();
        assertThat(followUps.cases(new FollowUpService.CaseFilter(
                        null, false, siblingId, FollowUpService.CaseFilter.Order.NEWEST)))
                .extracting(FollowUpService.CaseRow::id)
                .containsExactly(neighbours);
        followUps.markContacted(fresh, null);
        assertThat(followUps.cases(new FollowUpService.CaseFilter(
                        CaseStatus.CONTACTED, false, null, FollowUpService.CaseFilter.Order.NEWEST)))
                .extracting(FollowUpService.CaseRow::id)
                .containsExactly(fresh);
        assertThat(followUps.unitsWithCases())
                .extracting(FollowUpService.UnitOption::name)
                .containsExactly("Phòng bên cạnh", "Phòng tiếp nhận");

        // A manager of the sibling unit sees its case only, and nothing when asking for another unit.
        fx.logIn(fx.account(Role.UNIT_MANAGER, sibling, null), Role.UNIT_MANAGER);
        assertThat(followUps.cases(FollowUpService.CaseFilter.all()))
                .extracting(FollowUpService.CaseRow::id)
                .containsExactly(neighbours);
        UUID unitId = directory.findUnit(unit).orElseThrow().id();
        assertThat(followUps.cases(
                        new FollowUpService.CaseFilter(null, false, unitId, FollowUpService.CaseFilter.Order.NEWEST)))
                .isEmpty();
        fx.logIn(fx.account(Role.OFFICER, unit, null), Role.OFFICER);
        assertThatThrownBy(() -> followUps.cases(FollowUpService.CaseFilter.all()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
