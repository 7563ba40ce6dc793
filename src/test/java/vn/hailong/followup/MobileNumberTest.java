package vn.hailong.followup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileNumberTest {

    @ParameterizedTest
    @CsvSource({
        "0912345678, 0912345678",
        "0912 345 678, 0912345678",
        "091.234.5678, 0912345678",
        "+84 912 345 678, 0912345678",
        "84912345678, 0912345678",
        "(+84) 86-123-4567, 0861234567",
        "0321234567, 0321234567",
        "0561234567, 0561234567",
        "0701234567, 0701234567",
        "0891234567, 0891234567"
    })
    void what_people_type_becomes_the_national_form(String typed, String national) {
        assertThat(MobileNumber.parse(typed))
                .hasValueSatisfying(n -> assertThat(n.national()).isEqualTo(national));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "091234567",
                "09123456789",
                "0212345678",
                "0241234567",
                "0951234567",
                "0311234567",
                "1912345678",
                "+1 912 345 678",
                "09l2345678",
                "0912345678x",
                "841912345678"
            })
    void landlines_unused_prefixes_and_wrong_lengths_are_not_mobile_numbers(String typed) {
        assertThat(MobileNumber.parse(typed)).isEmpty();
    }

    @Test
    void null_is_no_number_and_the_constructor_checks_too() {
        assertThat(MobileNumber.parse(null)).isEmpty();
        assertThatThrownBy(() -> new MobileNumber("0241234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_number_is_not_written_whole_into_logs() {
        assertThat(MobileNumber.parse("0912345678").orElseThrow().toString())
                .doesNotContain("0912345678")
                .contains("091");
    }
}
