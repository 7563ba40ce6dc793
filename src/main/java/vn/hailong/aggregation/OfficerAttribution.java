package vn.hailong.aggregation;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.OfficerRole;

/**
 * Which officer a dossier's rating and return count for: the one who returned the result (the
 * citizen rates at that hand-over), else the one who received it, else one who processed it; among
 * several in the same role the smallest external id, so that the rebuild's SQL picks the same.
 */
final class OfficerAttribution {

    private static final List<OfficerRole> PREFERENCE =
            List.of(OfficerRole.RETURNING, OfficerRole.RECEIVING, OfficerRole.PROCESSING);

    private OfficerAttribution() {}

    static @Nullable String pick(List<DossierDetails.Officer> officers) {
        return officers.stream()
                .min(Comparator.<DossierDetails.Officer>comparingInt(o -> PREFERENCE.indexOf(o.role()))
                        .thenComparing(DossierDetails.Officer::id))
                .map(DossierDetails.Officer::id)
                .orElse(null);
    }

    /** The same rule in SQL, for the rebuild: {@code dossierColumn} names the dossier id column. */
    static String sql(String dossierColumn) {
        return "(SELECT o.external_id FROM dossier_officer x JOIN officer o ON o.id = x.officer_id WHERE x.dossier_id = "
                + dossierColumn
                + " ORDER BY FIELD(x.role, 'RETURNING', 'RECEIVING', 'PROCESSING'), BINARY o.external_id LIMIT 1)";
    }
}
