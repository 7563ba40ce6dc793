package vn.hailong.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dossier codes: {@code {agency code}-{yyMMdd}-{daily sequence}}, e.g. 000.00.06.H56-231027-0361. */
class DossierCodeTest {

    @Test
    void the_code_of_the_domain_brief_is_a_dossier_code() {
        assertThat(DossierCode.problemWith("000.00.06.H56-231027-0361")).isNull();
        assertThat(new DossierCode("000.00.06.H56-231027-0361").value()).isEqualTo("000.00.06.H56-231027-0361");
    }

    @Test
    void a_code_with_an_impossible_date_is_refused() {
        assertThat(DossierCode.problemWith("000.00.06.H56-231341-0361")).contains("impossible date");
        assertThatThrownBy(() -> new DossierCode("000.00.06.H56-231341-0361"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_29th_of_february_exists_only_in_leap_years() {
        assertThat(DossierCode.problemWith("000.00.06.H56-240229-0001")).isNull();
        assertThat(DossierCode.problemWith("000.00.06.H56-230229-0001")).contains("impossible date");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000.00.06.H56-231027",
                "000.00.06.H56-231027-",
                "000.00.06.H56-231027-036",
                "000.00.06.H56-231027-0361234"
            })
    void a_code_without_a_sequence_of_four_to_six_digits_is_refused(String code) {
        assertThat(DossierCode.problemWith(code)).contains("must look like");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000.00.06.h56-231027-0361",
                "000..06.H56-231027-0361",
                "-231027-0361",
                "000.00.06.H56-23102-0361"
            })
    void a_code_whose_agency_or_date_part_is_malformed_is_refused(String code) {
        assertThat(DossierCode.problemWith(code)).isNotNull();
    }

    @Test
    void a_code_whose_agency_part_is_longer_than_an_agency_code_is_refused() {
        String agency = "000.00.06.H56." + "1".repeat(22);
        assertThat(agency).hasSize(36);

        assertThat(DossierCode.problemWith(agency + "-231027-0361")).contains("longer than 35");
    }

    @Test
    void a_missing_code_is_refused_as_missing() {
        assertThat(DossierCode.problemWith(null)).isEqualTo("dossier code is missing");
        assertThat(DossierCode.problemWith(" ")).isEqualTo("dossier code is missing");
    }

    @Test
    void the_last_digits_are_the_daily_sequence() {
        assertThat(new DossierCode("000.00.06.H56-231027-0361").lastDigits()).isEqualTo("0361");
        assertThat(new DossierCode("000.17.22.H56-261102-012345").lastDigits()).isEqualTo("012345");
    }
}
