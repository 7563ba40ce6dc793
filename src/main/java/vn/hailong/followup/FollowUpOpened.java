package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published in the rating's transaction when a "not satisfied" rating opened its follow-up case. */
public record FollowUpOpened(
        UUID caseId, UUID ratingId, UUID dossierId, UUID unitId, Instant openedAt, LocalDate dueOn) {}
