package vn.hailong.index;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published results' CSV (API and open data), opened back as a spreadsheet program would read it. */
class IndexCsvTest {

    @Test
    void a_unit_name_that_looks_like_a_formula_arrives_as_text_and_a_falling_rank_stays_a_number() throws Exception {
        UnitResult unit = result("=HYPERLINK(\"http://example.invalid\",\"Xem\")", "@nhom", -2);

        List<CSVRecord> records = parse(IndexCsv.of(List.of(unit)));

        CSVRecord row = records.getFirst();
        assertThat(row.get("unit_name")).isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"Xem\")");
        assertThat(row.get("peer_group")).isEqualTo("'@nhom");
        assertThat(row.get("rank_change")).isEqualTo("-2");
        assertThat(Integer.parseInt(row.get("rank_change"))).isEqualTo(-2);
        assertThat(row.get("satisfaction_rate")).isEqualTo("87.50");
    }

    @Test
    void ordinary_names_are_unchanged() throws Exception {
        List<CSVRecord> records =
                parse(IndexCsv.of(List.of(result("Sở Tài nguyên và Môi trường, tỉnh Thử", "DEPARTMENT", 3))));

        assertThat(records.getFirst().get("unit_name")).isEqualTo("Sở Tài nguyên và Môi trường, tỉnh Thử");
        assertThat(records.getFirst().get("rank_change")).isEqualTo("3");
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        assertThat(csv).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }

    private static UnitResult result(String name, String peerGroup, int rankChange) {
        UnitResult.Decision766Result d766 =
                new UnitResult.Decision766Result(null, null, null, new BigDecimal("17.50"), new BigDecimal("18"));
        return new UnitResult(
                "000.00.06.H56",
                name,
                peerGroup,
                40,
                32,
                new BigDecimal("87.50"),
                UnitResult.SatisfactionSample.of(28, 32, 2),
                List.of(),
                List.of(),
                new BigDecimal("14.70"),
                new BigDecimal("14.70"),
                Circular01Band.GOOD,
                List.of(),
                d766,
                new BigDecimal("31.94"),
                new BigDecimal("87.50"),
                "Nhóm II",
                new BigDecimal("31.94"),
                3,
                1,
                rankChange,
                List.of());
    }
}
