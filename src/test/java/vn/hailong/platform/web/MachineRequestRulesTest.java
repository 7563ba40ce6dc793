package vn.hailong.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the machines' paths without a server: which bodies are JSON, which query strings decode. */
class MachineRequestRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=UTF-8",
                "application/json;charset=\"utf-8\"",
                "application/problem+json",
                "APPLICATION/JSON"
            })
    void json_in_utf_8_is_accepted(String contentType) {
        assertThat(MachineRequestFilter.contentTypeProblem(contentType)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/*",
                "*/*",
                "*",
                "text/plain",
                "text/json",
                "application/json; charset=ISO-8859-1",
                "nonsense",
                "application/",
                " "
            })
    void anything_else_is_refused_with_a_reason(String contentType) {
        assertThat(MachineRequestFilter.contentTypeProblem(contentType))
                .isNotBlank()
                .contains("application/json");
    }

    @Test
    void a_missing_content_type_is_refused() {
        assertThat(MachineRequestFilter.contentTypeProblem(null)).contains("no Content-Type");
    }

    @Test
    void query_strings_of_percent_encoded_utf_8_pass() {
        assertThat(QueryStrings.check("period=2026-Q3&scheme=default&name=S%E1%BB%9F+T%C3%A0i&flag&="))
                .isNull();
        assertThat(QueryStrings.decode("S%E1%BB%9F+T%C3%A0i")).isEqualTo("Sở Tài");
    }

    @Test
    void a_broken_value_names_its_parameter_and_a_broken_name_names_the_query() {
        assertThat(QueryStrings.check("scheme=default&period=%FF"))
                .isEqualTo(
                        new QueryStrings.Problem("period", "Query parameter 'period' is not percent-encoded UTF-8."));
        assertThat(QueryStrings.check("period=%ZZ").field()).isEqualTo("period");
        assertThat(QueryStrings.check("period=%E").field()).isEqualTo("period");
        assertThat(QueryStrings.check("%C3%28=1").field()).isEqualTo("query");
        assertThat(QueryStrings.check("x=\u00e9")).isNotNull();
    }

    @Test
    void machine_paths_cover_the_prefix_itself_but_not_lookalikes() {
        List<String> prefixes = List.of("/api/", "/kiosk-device/");
        assertThat(MachinePaths.covers(prefixes, "/api")).isTrue();
        assertThat(MachinePaths.covers(prefixes, "/api/v1/x")).isTrue();
        assertThat(MachinePaths.covers(prefixes, "/kiosk-device")).isTrue();
        assertThat(MachinePaths.covers(prefixes, "/apiary")).isFalse();
        assertThat(MachinePaths.covers(prefixes, "/kiosk")).isFalse();
    }
}
