package vn.hailong.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agency codes ("mã định danh", Decision 20/2020/QĐ-TTg), with the examples of the domain brief. */
class AgencyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.H56", "000.00.06.H56", "000.17.22.H56"})
    void the_codes_of_the_domain_brief_are_agency_codes(String code) {
        assertThat(AgencyCode.problemWith(code)).isNull();
        assertThat(new AgencyCode(code).value()).isEqualTo(code);
        assertThat(new AgencyCode(code)).hasToString(code);
    }

    @Test
    void a_code_of_exactly_35_characters_is_accepted() {
        String code = "000.00.06.H56.".concat("1".repeat(21));
        assertThat(code).hasSize(35);

        assertThat(AgencyCode.problemWith(code)).isNull();
    }

    @Test
    void a_code_longer_than_35_characters_is_refused() {
        String code = "000.00.06.H56.".concat("1".repeat(22));
        assertThat(code).hasSize(36);

        assertThat(AgencyCode.problemWith(code)).contains("longer than 35");
        assertThatThrownBy(() -> new AgencyCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.06.h56", "abc.00.06.H56"})
    void a_code_with_lowercase_letters_is_refused(String code) {
        assertThat(AgencyCode.problemWith(code)).contains("0-9 and A-Z");
        assertThatThrownBy(() -> new AgencyCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000..06.H56", ".000.00.06.H56", "000.00.06.H56.", "."})
    void a_code_with_an_empty_group_is_refused(String code) {
        assertThat(AgencyCode.problemWith(code)).isNotNull();
        assertThatThrownBy(() -> new AgencyCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-00-06-H56", "000.00.06.H 56", "000.00.06.Ð56"})
    void a_code_with_other_separators_or_letters_is_refused(String code) {
        assertThat(AgencyCode.problemWith(code)).isNotNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void a_missing_code_is_refused_as_missing(String code) {
        assertThat(AgencyCode.problemWith(code)).isEqualTo("agency code is missing");
    }
}
