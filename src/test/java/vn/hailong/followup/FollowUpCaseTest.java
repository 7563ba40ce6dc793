package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a follow-up case, without Spring or a database. */
class FollowUpCaseTest {

    static final Instant OPENED = Instant.parse("2026-11-16T02:00:00Z");

    FollowUpCase opened() {
        return new FollowUpCase(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), OPENED, LocalDate.of(2026, 11, 23));
    }

    @Test
    void a_case_goes_from_open_through_contacted_and_resolved_to_closed() {
        FollowUpCase c = opened();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
        c.markContacted(OPENED.plusSeconds(3600));
        c.resolve("Đã xin lỗi và trả kết quả ngay trong ngày", OPENED.plusSeconds(7200));
        c.close(null, OPENED.plusSeconds(9000));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.getOutcome()).isEqualTo("Đã xin lỗi và trả kết quả ngay trong ngày");
        assertThat(c.getContactedAt()).isEqualTo(OPENED.plusSeconds(3600));
        assertThat(c.getClosedAt()).isEqualTo(OPENED.plusSeconds(9000));
    }

    @Test
    void a_case_can_be_resolved_without_a_call_but_never_goes_back() {
        FollowUpCase c = opened();
        c.resolve("Đã xử lý theo góp ý", OPENED);
        assertThatThrownBy(() -> c.markContacted(OPENED)).isInstanceOf(ConflictException.class);
        c.close("", OPENED);
        assertThatThrownBy(() -> c.resolve("lại", OPENED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.close("lại", OPENED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void resolving_or_closing_an_unresolved_case_needs_an_outcome() {
        FollowUpCase c = opened();
        assertThatThrownBy(() -> c.resolve(" ", OPENED)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.close(null, OPENED)).isInstanceOf(InvalidInputException.class);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThatThrownBy(() -> c.resolve("x".repeat(2001), OPENED)).isInstanceOf(InvalidInputException.class);
        c.close("Không liên hệ được với người dân", OPENED);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void closed_is_final() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseStatus.CLOSED.canMoveTo(s)).isFalse();
            assertThat(s.canMoveTo(s)).as(s + " to itself").isFalse();
        }
        assertThat(CaseStatus.RESOLVED.canMoveTo(CaseStatus.CONTACTED)).isFalse();
        assertThat(CaseStatus.OPEN.canMoveTo(CaseStatus.CLOSED)).isTrue();
    }
}
