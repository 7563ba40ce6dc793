package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.hailong.rating.Questionnaire;

/** What one rating adds to the rollups under a given status: one row per dimension, grain and answered criterion (see {@link #rows}). */
record RatingContribution(
        UUID unitId, LocalDate day, Map<RollupDimension, String> values, Map<String, Integer> points) {

    /**
     * A rating as the worker reads it with the rebuild's SQL ({@link RawSql#ratingFacts}): its status,
     * the officer it counts for, and what it contributes under them.
     */
    record Current(
            String status,
            String officer,
            UUID unitId,
            LocalDate day,
            String procedureKey,
            String deviceId,
            String channel,
            String hourKey,
            Map<String, Integer> points) {

        /** What it contributes with this officer (the one it counts for now, or the one it counted for before). */
        RatingContribution withOfficer(String officerKey) {
            Map<RollupDimension, String> values = new LinkedHashMap<>();
            values.put(RollupDimension.ALL, "");
            values.put(RollupDimension.PROCEDURE, procedureKey);
            if (officerKey != null) {
                values.put(RollupDimension.OFFICER, officerKey);
            }
            if (deviceId != null) {
                values.put(RollupDimension.COUNTER, deviceId);
            }
            values.put(RollupDimension.CHANNEL, channel);
            values.put(RollupDimension.HOUR, hourKey);
            return new RatingContribution(unitId, day, values, points);
        }
    }

    /**
     * The rows this rating adds ({@code sign} 1) or takes away ({@code sign} -1) under {@code status}:
     * every grain of every dimension, each criterion for the unit as a whole and the criterion
     * {@code overall} for the other dimensions ({@link RollupDimension#keepsEveryCriterion}).
     */
    List<RollupRow> rows(String status, int sign) {
        List<RollupRow> rows = new ArrayList<>();
        values.forEach((dimension, value) -> points.forEach((criterion, p) -> {
            if (!dimension.keepsEveryCriterion() && !criterion.equals(Questionnaire.OVERALL)) {
                return;
            }
            for (Grain grain : Grain.values()) {
                rows.add(new RollupRow(
                        dimension,
                        grain.code(),
                        RollupRow.OWN,
                        grain.start(day),
                        unitId,
                        value,
                        status,
                        criterion,
                        sign,
                        (long) sign * p,
                        p == 0 ? sign : 0,
                        p == 1 ? sign : 0,
                        p == 2 ? sign : 0));
            }
        }));
        return rows;
    }
}
