package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one returned dossier adds to the rollups: returned on {@code day}, late or not. */
record ReturnContribution(UUID unitId, LocalDate day, UUID procedureId, String officer, boolean late) {

    List<ReturnRow> rows(int sign) {
        List<ReturnRow> rows = new ArrayList<>();
        for (char grain : new char[] {'D', 'M'}) {
            LocalDate start = grain == 'D' ? day : day.withDayOfMonth(1);
            rows.add(new ReturnRow(RollupDimension.ALL, grain, start, unitId, "", sign, late ? sign : 0));
            rows.add(new ReturnRow(RollupDimension.PROCEDURE, grain, start, unitId, procedureId.toString(), sign, late ? sign : 0));
            if (officer != null) {
                rows.add(new ReturnRow(RollupDimension.OFFICER, grain, start, unitId, officer, sign, late ? sign : 0));
            }
        }
        return rows;
    }
}
