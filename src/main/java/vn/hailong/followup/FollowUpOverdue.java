package vn.hailong.followup;

import java.time.LocalDate;
import java.util.UUID;

import vn.hailong.intake.DossierId;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingId;

/** Published once per case, in the transaction that queues its escalation: the case is past its deadline, neither resolved nor closed. */
public record FollowUpOverdue(UUID caseId, RatingId ratingId, DossierId dossierId, UnitId unitId, LocalDate dueOn) {}
