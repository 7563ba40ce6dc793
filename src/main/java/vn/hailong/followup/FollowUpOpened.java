package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.hailong.intake.DossierId;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingId;

/** Published in the rating's transaction when a "not satisfied" rating opened its follow-up case. */
public record FollowUpOpened(
        UUID caseId, RatingId ratingId, DossierId dossierId, UnitId unitId, Instant openedAt, LocalDate dueOn) {}
