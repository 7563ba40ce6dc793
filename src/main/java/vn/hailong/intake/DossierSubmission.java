package vn.hailong.intake;

import java.util.List;

/**
 * A dossier as the one-stop software sends it, with raw text fields so that every problem can be
 * reported by field name rather than as an unreadable parse error. Times are ISO-8601 with offset.
 */
public record DossierSubmission(
        String procedureCode,
        String procedureName,
        String procedureField,
        String receivingUnit,
        String competentUnit,
        String evaluatedUnit,
        String channel,
        String applicantKind,
        String status,
        String receivedAt,
        String dueAt,
        String returnedAt,
        List<OfficerPart> officers,
        Integer supplementRequests) {

    /** An officer's part: the one-stop software's officer id, a display name and the role. */
    public record OfficerPart(String id, String name, String role) {}
}
