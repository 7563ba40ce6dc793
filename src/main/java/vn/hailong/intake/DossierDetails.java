package vn.hailong.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.UnitId;

/** A dossier as other capabilities and the API see it. */
public record DossierDetails(
        DossierId id,
        String code,
        UUID procedureId,
        String procedureCode,
        String procedureName,
        UnitId receivingUnitId,
        String receivingUnit,
        UnitId competentUnitId,
        String competentUnit,
        UnitId evaluatedUnitId,
        String evaluatedUnit,
        String evaluatedUnitName,
        DossierChannel channel,
        ApplicantKind applicantKind,
        DossierStatus status,
        Instant receivedAt,
        @Nullable Instant dueAt,
        @Nullable Instant returnedAt,
        @Nullable Timeliness timeliness,
        int supplementRequests,
        List<Officer> officers,
        Instant updatedAt) {

    public record Officer(String id, String name, OfficerRole role) {}

    public String lastDigits() {
        return new DossierCode(code).lastDigits();
    }
}
