package vn.hailong.followup;

import java.time.LocalDate;
import java.util.UUID;

/** Published once per case, in the transaction that queues its escalation: the case is past its deadline, neither resolved nor closed. */
public record FollowUpOverdue(UUID caseId, UUID ratingId, UUID dossierId, UUID unitId, LocalDate dueOn) {}
