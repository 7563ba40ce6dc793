package vn.hailong.dashboard;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.ExportService.Format;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's comment that starts like a formula reaches the managers' ratings CSV as text, and a
 * procedure name that does reaches the tables' CSV as text: both opened back and read as a
 * spreadsheet program would. The numbers beside them stay numbers.
 */
@HaiLongTest
class CsvFormulaInjectionTest {

    static final String FORMULA_COMMENT = "=HYPERLINK(\"http://example.invalid/x\",\"Bấm vào đây\")";

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
    ExportService exports;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_formula_looking_comment_arrives_in_the_ratings_csv_as_text_and_in_xlsx_as_a_string() throws Exception {
        DashboardFixture f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        DossierDetails dossier = f.dossiers.get(12);
        f.rate(dossier, "PORTAL", Map.of("overall", "DISSATISFIED"), List.of("OTHER"), FORMULA_COMMENT, null);
        rollups.drainAll();
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        Selection month = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, LocalDate.now(DashboardFixture.ZONE)),
                f.parentId);

        List<CSVRecord> records = ExportServiceTest.csv(exports.ratings(month, Format.CSV));

        CSVRecord row = records.stream()
                .filter(r -> r.size() > 1 && r.get(1).equals(dossier.code()))
                .findFirst()
                .orElseThrow();
        assertThat(row.toList()).contains("'" + FORMULA_COMMENT).doesNotContain(FORMULA_COMMENT);
        try (XSSFWorkbook book = new XSSFWorkbook(
                new ByteArrayInputStream(exports.ratings(month, Format.XLSX).content()))) {
            boolean asString = false;
            for (var sheetRow : book.getSheetAt(0)) {
                for (var cell : sheetRow) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        throw new AssertionError("a formula cell in the XLSX: " + cell);
                    }
                    asString |= cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().equals(FORMULA_COMMENT);
                }
            }
            assertThat(asString)
                    .as("XLSX keeps the comment as the citizen wrote it, as a string cell")
                    .isTrue();
        }
    }

    @Test
    void a_formula_looking_procedure_name_arrives_in_a_table_csv_as_text_with_its_numbers_as_numbers()
            throws Exception {
        DashboardFixture f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        String procedureCode = "9." + (100000 + ThreadLocalRandom.current().nextInt(900000));
        DossierDetails dossier = intake.upsert(
                        TestData.dossierCode(f.parent, 900),
                        new DossierSubmission(
                                procedureCode,
                                "-1+1 @Thủ tục thử",
                                null,
                                f.parent,
                                f.parent,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RETURNED",
                                DashboardFixture.iso(
                                        DashboardFixture.thisMonth(0, 8).minusSeconds(3600 * 24)),
                                DashboardFixture.iso(
                                        DashboardFixture.thisMonth(0, 8).plusSeconds(3600 * 24 * 3)),
                                DashboardFixture.iso(DashboardFixture.thisMonth(0, 8)),
                                List.of(),
                                0))
                .dossier();
        f.rate(dossier, "PORTAL", Map.of("overall", "SATISFIED"), List.of(), null, null);
        rollups.drainAll();
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        Selection month = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, LocalDate.now(DashboardFixture.ZONE)),
                f.parentId);

        List<CSVRecord> records = ExportServiceTest.csv(exports.breakdown(month, Breakdown.PROCEDURE, Format.CSV));

        CSVRecord row = records.stream()
                .filter(r -> r.size() > 1 && r.get(1).equals(procedureCode))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(0)).isEqualTo("'-1+1 @Thủ tục thử");
        assertThat(Long.parseLong(row.get(3))).as("ratings stay a plain number").isEqualTo(1);
    }
}
