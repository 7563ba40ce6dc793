package vn.hailong.directory;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An agency as other capabilities see it. */
public record AgencySummary(
        UUID id,
        String code,
        String name,
        AgencyKind kind,
        @Nullable UUID parentId,
        @Nullable String peerGroup,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable UUID successorOfId) {}
