package vn.hailong.platform;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP's rule for CSV cells: text that a spreadsheet would evaluate gets a leading quote; numbers stay numbers. */
class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-5", "="
            })
    void text_that_a_spreadsheet_would_evaluate_gets_a_leading_quote(String text) {
        assertThat(SpreadsheetCells.text(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Trả kết quả chậm", "1+1", " =1+1", "a=b", "'=already quoted", "000.00.06.H56"})
    void ordinary_text_is_left_as_it_is(String text) {
        assertThat(SpreadsheetCells.text(text)).isEqualTo(text);
    }

    @Test
    void numbers_the_application_writes_stay_numbers_even_when_negative() {
        assertThat(SpreadsheetCells.cell(-2)).isEqualTo(-2);
        assertThat(SpreadsheetCells.cell(new BigDecimal("-0.50"))).isEqualTo(new BigDecimal("-0.50"));
        assertThat(SpreadsheetCells.cell(-3L)).isEqualTo(-3L);
    }

    @Test
    void a_row_neutralises_text_keeps_numbers_and_writes_null_as_empty() {
        assertThat(SpreadsheetCells.row(Arrays.asList("=1+1", 5, null, "ok"))).containsExactly("'=1+1", 5, "", "ok");
        assertThat(SpreadsheetCells.text(null)).isNull();
        assertThat(SpreadsheetCells.text("")).isEmpty();
    }
}
