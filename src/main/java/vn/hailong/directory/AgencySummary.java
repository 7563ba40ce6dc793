package vn.hailong.directory;

import java.time.LocalDate;
import java.util.UUID;

/** An agency as other capabilities see it. */
public record AgencySummary(
        UUID id,
        String code,
        String name,
        AgencyKind kind,
        UUID parentId,
        String peerGroup,
        LocalDate validFrom,
        LocalDate validTo,
        UUID successorOfId) {}
