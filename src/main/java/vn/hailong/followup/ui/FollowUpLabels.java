package vn.hailong.followup.ui;

import java.time.Instant;
import java.time.LocalDate;

import com.vaadin.flow.component.html.Span;

import vn.hailong.followup.CaseStatus;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Words;

/** How follow-up screens word statuses, answers and dates (Vietnamese first). */
public final class FollowUpLabels {

    private FollowUpLabels() {}

    public static Span status(CaseStatus status, boolean overdue) {
        Span badge = new Span(status.label() + (overdue ? " · " + Words.of("followup.overdue") : ""));
        badge.addClassName("fu-badge");
        if (overdue) {
            badge.addClassName("overdue");
        } else if (status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED) {
            badge.addClassName("done");
        }
        return badge;
    }

    public static String day(LocalDate day) {
        return Formats.ofCurrentPage().day(day);
    }

    public static String time(Instant at) {
        return Formats.ofCurrentPage().time(at);
    }
}
