package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one returned dossier adds to the rollups: returned on {@code day}, late or not. */
record ReturnContribution(UUID unitId, LocalDate day, UUID procedureId, String officer, boolean late) {

    List<ReturnRow> rows(int sign) {
        List<ReturnRow> rows = new ArrayList<>();
        LocalDate month = day.withDayOfMonth(1);
        rows.add(new ReturnRow(RollupDimension.ALL, 'D', day, unitId, "", sign, late ? sign : 0));
        rows.add(new ReturnRow(RollupDimension.ALL, 'M', month, unitId, "", sign, late ? sign : 0));
        // Only the unit as a whole has day rows (RollupDimension.hasDayRows).
        rows.add(new ReturnRow(RollupDimension.PROCEDURE, 'M', month, unitId, procedureId.toString(), sign, late ? sign : 0));
        if (officer != null) {
            rows.add(new ReturnRow(RollupDimension.OFFICER, 'M', month, unitId, officer, sign, late ? sign : 0));
        }
        return rows;
    }
}
