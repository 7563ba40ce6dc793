package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
        @Nullable Instant contactedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable String outcome,
        boolean contactAvailable,
        List<Note> notes) {

    public record Note(Instant writtenAt, String author, String text) {}
}
