package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one returned dossier adds to the rollups: returned on {@code day}, late or not. */
record ReturnContribution(UUID unitId, LocalDate day, UUID procedureId, String officer, boolean late) {

    /** Every grain of the unit as a whole, its procedure and (when known) its officer. */
    List<ReturnRow> rows(int sign) {
        List<ReturnRow> rows = new ArrayList<>();
        for (Grain grain : Grain.values()) {
            LocalDate start = grain.start(day);
            rows.add(new ReturnRow(
                    RollupDimension.ALL, grain.code(), RollupRow.OWN, start, unitId, "", sign, late ? sign : 0));
            rows.add(new ReturnRow(
                    RollupDimension.PROCEDURE,
                    grain.code(),
                    RollupRow.OWN,
                    start,
                    unitId,
                    procedureId.toString(),
                    sign,
                    late ? sign : 0));
            if (officer != null) {
                rows.add(new ReturnRow(
                        RollupDimension.OFFICER,
                        grain.code(),
                        RollupRow.OWN,
                        start,
                        unitId,
                        officer,
                        sign,
                        late ? sign : 0));
            }
        }
        return rows;
    }
}
