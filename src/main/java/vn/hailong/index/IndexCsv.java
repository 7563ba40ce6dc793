package vn.hailong.index;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.SpreadsheetCells;

/**
 * Published results as CSV (RFC 4180, comma-separated, dot decimals, UTF-8 with a byte-order mark
 * so that spreadsheet programs show Vietnamese names correctly). Text cells are neutralised against
 * formulas ({@link SpreadsheetCells}); numbers, a negative rank change too, stay plain numbers. The
 * satisfaction rate's sample size and 95 % interval (percent) follow the original columns, and the
 * flags (e.g. {@code INSUFFICIENT_SAMPLE UNRANKED}) last, space-separated.
 */
public final class IndexCsv {

    public static final String HEADER =
            "unit_code,unit_name,peer_group,dossiers,ratings,satisfaction_rate,tt01_score,tt01_band,"
                    + "d766_satisfaction_points,par_survey_points,rank,rank_change,satisfaction_sample,satisfaction_ci95_low,"
                    + "satisfaction_ci95_high,flags";

    private IndexCsv() {}

    public static String of(List<UnitResult> results) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (UnitResult r : results) {
            csv.append(field(r.unitCode()))
                    .append(',')
                    .append(field(r.unitName()))
                    .append(',')
                    .append(field(r.peerGroup()))
                    .append(',')
                    .append(r.dossiers())
                    .append(',')
                    .append(r.ratings())
                    .append(',')
                    .append(number(r.satisfactionRate()))
                    .append(',')
                    .append(number(r.circular01Total()))
                    .append(',')
                    .append(field(
                            r.circular01Band() == null
                                    ? null
                                    : r.circular01Band().label()))
                    .append(',')
                    .append(number(r.decision766().totalPoints()))
                    .append(',')
                    .append(number(r.parSurveyPoints()))
                    .append(',')
                    .append(r.rank() == null ? "" : r.rank())
                    .append(',')
                    .append(r.rankChange() == null ? "" : r.rankChange())
                    .append(',')
                    .append(
                            r.satisfaction() == null
                                    ? ""
                                    : String.valueOf(r.satisfaction().sampleSize()))
                    .append(',')
                    .append(
                            r.satisfaction() == null
                                    ? ""
                                    : number(r.satisfaction().lowerPercent()))
                    .append(',')
                    .append(
                            r.satisfaction() == null
                                    ? ""
                                    : number(r.satisfaction().upperPercent()))
                    .append(',')
                    .append(String.join(" ", r.flags()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String number(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        // Unit names and peer groups come from the one-stop software: neutralised against formulas.
        String v = SpreadsheetCells.text(value);
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
