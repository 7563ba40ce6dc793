package vn.hailong.intake;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dossier's validated facts, with every reference resolved to an id. */
record DossierFacts(
        UUID procedureId,
        UUID receivingAgencyId,
        UUID competentAgencyId,
        UUID evaluatedAgencyId,
        DossierChannel channel,
        ApplicantKind applicantKind,
        DossierStatus status,
        Instant receivedAt,
        @Nullable Instant dueAt,
        @Nullable Instant returnedAt,
        int supplementRequests,
        Set<DossierOfficer> officers) {}
