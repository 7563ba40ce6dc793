package vn.hailong.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A dossier as the one-stop software sends it, with raw text fields so that every problem can be
 * reported by field name rather than as an unreadable parse error. Times are ISO-8601 with offset.
 */
public record DossierSubmission(
        @Nullable String procedureCode,
        @Nullable String procedureName,
        @Nullable String procedureField,
        @Nullable String receivingUnit,
        @Nullable String competentUnit,
        @Nullable String evaluatedUnit,
        @Nullable String channel,
        @Nullable String applicantKind,
        @Nullable String status,
        @Nullable String receivedAt,
        @Nullable String dueAt,
        @Nullable String returnedAt,
        @Nullable List<@Nullable OfficerPart> officers,
        @Nullable Integer supplementRequests) {

    /** An officer's part: the one-stop software's @Nullable officer id, a display name and the role. */
    public record OfficerPart(
            String id, @Nullable String name, @Nullable String role) {}
}
