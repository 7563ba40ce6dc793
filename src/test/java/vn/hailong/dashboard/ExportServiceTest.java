package vn.hailong.dashboard;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.ExportService.ExportFile;
import vn.hailong.dashboard.ExportService.Format;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports are read back (CSV, XLSX, PDF) and carry the dashboard's numbers, with its filters. */
@HaiLongTest
class ExportServiceTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccountService accounts;

    @Autowired
    DashboardService dashboard;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    ExportService exports;

    static DashboardFixture f;
    Selection month;

    @BeforeEach
    void aUnitHead() {
        if (f == null) {
            f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        }
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        month = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, LocalDate.now(DashboardFixture.ZONE)),
                f.parentId);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static List<CSVRecord> csv(ExportFile file) throws Exception {
        byte[] bytes = file.content();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        try (var parser = CSVFormat.RFC4180.parse(
                new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    @Test
    void a_breakdown_as_csv_has_the_filters_and_the_dashboards_numbers() throws Exception {
        ExportFile file = exports.breakdown(month, Breakdown.PROCEDURE, Format.CSV);
        assertThat(file.fileName()).startsWith("bang-procedure-" + f.parent).endsWith(".csv");
        List<CSVRecord> records = csv(file);
        // One header row, no title row: the file's name carries the unit and the period.
        assertThat(records.get(0).get(0)).isEqualTo("Thủ tục");
        assertThat(file.fileName()).contains(month.period().from().toString());
        List<BreakdownRow> rows = breakdowns.breakdown(month, Breakdown.PROCEDURE);
        assertThat(records).hasSize(rows.size() + 1);
        long ratingsSum = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertThat(r.get(0)).isEqualTo(rows.get(i).label());
            assertThat(Long.parseLong(r.get(2))).isEqualTo(rows.get(i).figures().returned());
            assertThat(Long.parseLong(r.get(3))).isEqualTo(rows.get(i).figures().ratings());
            ratingsSum += Long.parseLong(r.get(3));
        }
        assertThat(ratingsSum).isEqualTo(12);
    }

    @Test
    void a_breakdown_as_xlsx_keeps_numbers_as_numbers() throws Exception {
        ExportFile file = exports.breakdown(month, Breakdown.UNIT, Format.XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("theo đơn vị");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Lượt đánh giá");
            double returned = 0;
            double counted = 0;
            double happyRateOfParent = -1;
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                returned += row.getCell(2).getNumericCellValue();
                counted += row.getCell(3).getNumericCellValue();
                if (row.getCell(1).getStringCellValue().equals(f.parent)) {
                    happyRateOfParent = row.getCell(8).getNumericCellValue();
                }
            }
            assertThat(returned).isEqualTo(14);
            assertThat(counted).isEqualTo(12);
            BreakdownRow own = breakdowns.breakdown(month, Breakdown.UNIT).stream()
                    .filter(r -> r.code().equals(f.parent))
                    .findFirst()
                    .orElseThrow();
            assertThat(happyRateOfParent).isEqualTo(own.figures().satisfactionRate());
        }
    }

    @Test
    void the_ratings_export_lists_every_rating_with_its_status() throws Exception {
        List<CSVRecord> records = csv(exports.ratings(month, Format.CSV));
        long inDatabase = jdbc.queryForObject(
                """
                SELECT COUNT(*) FROM rating WHERE evaluated_agency_id IN (?, ?)
                  AND submitted_at >= ? AND submitted_at < ?""",
                Long.class,
                f.parentId.toString(),
                f.childId.toString(),
                Timestamp.valueOf(LocalDateTime.ofInstant(
                        month.period()
                                .from()
                                .atStartOfDay(DashboardFixture.ZONE)
                                .toInstant(),
                        ZoneOffset.UTC)),
                Timestamp.valueOf(LocalDateTime.ofInstant(
                        month.period()
                                .to()
                                .plusDays(1)
                                .atStartOfDay(DashboardFixture.ZONE)
                                .toInstant(),
                        ZoneOffset.UTC)));
        assertThat(records).hasSize((int) inDatabase + 1);
        assertThat(inDatabase).isEqualTo(14);
        // One header row; each label beside its code in a column of its own.
        assertThat(records.get(0).toList().subList(0, 10))
                .containsExactly(
                        "Thời gian",
                        "Mã hồ sơ",
                        "Mã đơn vị",
                        "Đơn vị",
                        "Mã kênh",
                        "Kênh",
                        "Mã trạng thái",
                        "Trạng thái",
                        "Mã đánh giá chung",
                        "Đánh giá chung");
        List<CSVRecord> data = records.subList(1, records.size());
        assertThat(data)
                .extracting(r -> r.get(7))
                .filteredOn("Bị thay thế"::equals)
                .hasSize(2);
        assertThat(data)
                .extracting(r -> r.get(6))
                .filteredOn("SUPERSEDED"::equals)
                .hasSize(2);
        assertThat(data)
                .extracting(r -> r.get(7))
                .filteredOn("Được tính"::equals)
                .hasSize(12);
        assertThat(data).anyMatch(r -> r.get(4).equals("KIOSK") && r.get(5).equals("Thiết bị tại quầy"));
        CSVRecord unhappy = data.stream()
                .filter(r -> r.get(1).equals(f.unhappyDossier.code()))
                .findFirst()
                .orElseThrow();
        assertThat(unhappy.get(8)).isEqualTo("DISSATISFIED");
        assertThat(unhappy.get(9)).isEqualTo("Không hài lòng");
        assertThat(unhappy.toList())
                .contains("Trả kết quả chậm")
                .anyMatch(c -> c.contains("SLOW") && c.contains("EXTRA_DOCUMENTS") && !c.contains("Giải quyết"))
                .anyMatch(
                        c -> c.contains("Giải quyết chậm, trễ hẹn") && c.contains("Yêu cầu bổ sung giấy tờ nhiều lần"));
        assertThat(unhappy.get(2)).isEqualTo(f.parent);
        try (XSSFWorkbook book = new XSSFWorkbook(
                new ByteArrayInputStream(exports.ratings(month, Format.XLSX).content()))) {
            // The XLSX keeps a title row above its header row (for people); the CSV has only the header row.
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(records.size());
        }
    }

    @Test
    void the_ratings_csv_in_english_keeps_the_codes_and_translates_the_labels() throws Exception {
        List<CSVRecord> records = csv(exports.ratings(month, Format.CSV, Locale.ENGLISH));
        assertThat(records.get(0).toList().subList(0, 10))
                .containsExactly(
                        "Time",
                        "Dossier code",
                        "Unit code",
                        "Unit",
                        "Channel code",
                        "Channel",
                        "Status code",
                        "Status",
                        "Overall answer code",
                        "Overall answer");
        assertThat(records.get(0).toList())
                .contains("Reason codes", "Reasons", "Comment")
                .anyMatch(h -> h.endsWith("(points)"));
        List<CSVRecord> data = records.subList(1, records.size());
        assertThat(data).anyMatch(r -> r.get(4).equals("KIOSK") && r.get(5).equals("Counter tablet"));
        assertThat(data).anyMatch(r -> r.get(6).equals("COUNTED") && r.get(7).equals("Counted"));
        CSVRecord unhappy = data.stream()
                .filter(r -> r.get(1).equals(f.unhappyDossier.code()))
                .findFirst()
                .orElseThrow();
        assertThat(unhappy.get(8)).isEqualTo("DISSATISFIED");
        assertThat(unhappy.get(9)).isNotEqualTo("Không hài lòng").isNotBlank();
        assertThat(unhappy.toList())
                .anyMatch(c -> c.contains("SLOW") && c.contains("EXTRA_DOCUMENTS"))
                .anyMatch(c -> c.contains("Slow or late") && c.contains("Asked for documents again and again"))
                .noneMatch(c -> c.contains("Giải quyết chậm"));
        // The citizen's own words stay as written.
        assertThat(unhappy.toList()).contains("Trả kết quả chậm");
    }

    @Test
    void the_pdf_report_reads_back_in_vietnamese_with_the_figures_and_comments() throws Exception {
        ExportFile file = exports.report(month);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(file.content());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        assertThat(all).contains("Báo cáo mức độ hài lòng của người dân, tổ chức");
        assertThat(all).contains("Sở Thử nghiệm Bảng điều khiển");
        assertThat(all)
                .contains("Hồ sơ đã trả kết quả")
                .contains("Tỷ lệ hài lòng")
                .contains("Không hài lòng");
        Headline h = dashboard.headline(month);
        assertThat(all)
                .contains(ReportPdf.percent(h.current().satisfactionRate()))
                .contains("75,0 %");
        assertThat(all)
                .contains("Trả kết quả chậm")
                .contains("Cán bộ thờ ơ, không hướng dẫn")
                .contains("Giải quyết chậm, trễ hẹn");
        assertThat(new String(file.content(), StandardCharsets.ISO_8859_1)).contains("DejaVuSans");
        reader.close();
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString().replaceAll("\\s+", " ");
    }

    /**
     * The PDF's text without any white space: the extractor gives a table's cells after the page's
     * paragraphs, one cell straight after the other, and wraps long headers.
     */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void a_years_report_is_compared_once_with_the_year_before() throws Exception {
        int year = LocalDate.now(DashboardFixture.ZONE).getYear() - 1;
        Selection lastYear = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.YEAR, LocalDate.of(year, 6, 1)), f.parentId);
        String all = pdfText(exports.report(lastYear).content());
        assertThat(all).contains("Năm " + year + " (so với Năm " + (year - 1) + ")");
        assertThat(all)
                .doesNotContain("Năm " + (year - 1) + " và Năm " + (year - 1))
                .doesNotContain("Cùng kỳ năm trước");
        // Three columns: the figure, this year, the year before; the fixture's 5 ratings a year ago, all satisfied.
        assertThat(squeezed(all))
                .contains(squeezed("Chỉ tiêu Kỳ này: Năm " + year + " Năm trước: Năm " + (year - 1)))
                .contains(squeezed("Lượt đánh giá (theo ngày đánh giá) 5 0"))
                .contains(squeezed("Tỷ lệ hài lòng: KTC 95 % 56,6–100,0 % —"));
    }

    @Test
    void the_reports_channel_table_shares_out_the_ratings_and_shows_no_returned_dossiers() throws Exception {
        String all = squeezed(pdfText(exports.report(month).content()));
        assertThat(all)
                .contains(
                        squeezed("Tháng " + LocalDate.now(DashboardFixture.ZONE).getMonthValue() + "/"
                                + LocalDate.now(DashboardFixture.ZONE).getYear() + ", tính đến"));
        assertThat(all)
                .contains(
                        squeezed(
                                "Kênh Lượt đánh giá Tỷ lệ trong tổng số lượt Tỷ lệ hài lòng Khoảng tin cậy 95 % Không hài lòng"))
                .doesNotContain(squeezed("Kênh Hồ sơ đã trả"));
        // The 12 counted ratings of the month, shared out by channel, each row with its rate and interval.
        List<BreakdownRow> rows = breakdowns.breakdown(month, Breakdown.CHANNEL);
        long sum = rows.stream().mapToLong(r -> r.figures().ratings()).sum();
        assertThat(sum).isEqualTo(12);
        assertThat(rows).hasSize(5);
        for (BreakdownRow r : rows) {
            Figures fig = r.figures();
            String line = r.label()
                    + ReportPdf.count(fig.ratings())
                    + ReportPdf.percent(Figures.percent(fig.ratings(), sum))
                    + ReportPdf.percent(fig.satisfactionRate())
                    + FigureFormat.interval(fig.satisfaction())
                    + fig.dissatisfied();
            assertThat(all).as(r.label()).contains(squeezed(line));
        }
        assertThat(all).contains(squeezed("Điện thoại (mã QR) 4 33,3 % 75,0 % 30,1–95,4 % 1"));
    }

    @Test
    void the_pdf_report_carries_three_charts_whose_figures_match_the_raw_ratings() throws Exception {
        byte[] pdf = exports.report(month).content();
        // Kept beside the screenshots, to be looked at.
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "report.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        List<String> images = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
            PdfDictionary resources =
                    (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(page).get(PdfName.RESOURCES));
            PdfDictionary xobjects =
                    resources == null ? null : (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.XOBJECT));
            if (xobjects != null) {
                for (PdfName name : xobjects.getKeys()) {
                    PdfDictionary x = (PdfDictionary) PdfReader.getPdfObject(xobjects.get(name));
                    if (PdfName.IMAGE.equals(x.get(PdfName.SUBTYPE))) {
                        images.add(x.getAsNumber(PdfName.WIDTH).intValue() + "x"
                                + x.getAsNumber(PdfName.HEIGHT).intValue());
                    }
                }
            }
        }
        reader.close();
        // The trend (full width) and the answers and criteria charts, at twice their printed size.
        assertThat(images).containsExactlyInAnyOrder("1540x460", "760x460", "760x460");
        String all = text.toString().replaceAll("\\s+", " ");

        // Each month of the trend caption against plain SQL over the raw tables.
        String in = "?, ?";
        for (int back = 0; back < 12; back++) {
            YearMonth m = YearMonth.now(DashboardFixture.ZONE).minusMonths(back);
            Object[] args = {
                f.parentId.toString(),
                f.childId.toString(),
                DashboardFiguresTest.utc(
                        m.atDay(1).atStartOfDay(DashboardFixture.ZONE).toInstant()),
                DashboardFiguresTest.utc(m.plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(DashboardFixture.ZONE)
                        .toInstant())
            };
            long rated = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM rating WHERE status = 'COUNTED' AND evaluated_agency_id IN (" + in
                            + ") AND submitted_at >= ? AND submitted_at < ?",
                    Long.class,
                    args);
            long happy = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM rating WHERE status = 'COUNTED' AND overall_points > 0 AND evaluated_agency_id IN ("
                            + in + ") AND submitted_at >= ? AND submitted_at < ?",
                    Long.class,
                    args);
            long returned = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM dossier WHERE evaluated_agency_id IN (" + in
                            + ") AND returned_at >= ? AND returned_at < ?",
                    Long.class,
                    args);
            String expected = String.format("%02d/%d", m.getMonthValue(), m.getYear()) + " "
                    + ReportPdf.percent(UnitSatisfaction.rate(happy, rated)) + " / "
                    + ReportPdf.percent(Figures.percent(rated, returned));
            assertThat(all).as("trend month %s", m).contains(expected);
        }
        assertThat(all)
                .contains(String.format(
                                "%02d/%d",
                                YearMonth.now(DashboardFixture.ZONE).getMonthValue(),
                                YearMonth.now(DashboardFixture.ZONE).getYear())
                        + " 75,0 % / 85,7 %");

        // The answers chart's caption: counts of this month's counted ratings by overall answer.
        Headline h = dashboard.headline(month);
        Object[] monthArgs = {
            f.parentId.toString(),
            f.childId.toString(),
            DashboardFiguresTest.utc(
                    month.period().from().atStartOfDay(DashboardFixture.ZONE).toInstant()),
            DashboardFiguresTest.utc(month.period()
                    .to()
                    .plusDays(1)
                    .atStartOfDay(DashboardFixture.ZONE)
                    .toInstant())
        };
        long[] byPoints = new long[3];
        jdbc.query(
                "SELECT overall_points, COUNT(*) FROM rating WHERE status = 'COUNTED' AND evaluated_agency_id IN (?, ?) "
                        + "AND submitted_at >= ? AND submitted_at < ? GROUP BY overall_points",
                rs -> {
                    byPoints[rs.getInt(1)] = rs.getLong(2);
                },
                monthArgs);
        assertThat(all)
                .contains("rất hài lòng " + byPoints[2] + ", hài lòng " + byPoints[1] + ", không hài lòng "
                        + byPoints[0] + " trên " + (byPoints[0] + byPoints[1] + byPoints[2]) + " lượt");
        assertThat(all)
                .contains("Điểm trung bình kỳ này: Ông/bà hài lòng thế nào với việc giải quyết hồ sơ? "
                        + ReportPdf.average(h.current().average("overall")));
    }
}
