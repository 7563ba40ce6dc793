package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up case as others see it. Whether the citizen left a number is shown, never the number
 * itself: that is read apart, by {@link FollowUpService#contactNumber(UUID)}.
 */
public record FollowUpCaseDetails(
        UUID id,
        UUID ratingId,
        UUID dossierId,
        UUID responsibleUnitId,
        CaseStatus status,
        Instant openedAt,
        LocalDate dueOn,
        Instant contactedAt,
        Instant resolvedAt,
        Instant closedAt,
        String outcome,
        boolean contactAvailable,
        List<Note> notes) {

    public record Note(Instant writtenAt, String author, String text) {}
}
