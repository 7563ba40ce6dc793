package vn.hailong.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public base URL must be an absolute http(s) address that phones and tablets can reach. */
class PublicBaseUrlTest {

    @Test
    void a_public_or_intranet_address_is_accepted() {
        assertThat(PublicBaseUrl.problem("https://hailong.example.gov.vn")).isEmpty();
        assertThat(PublicBaseUrl.problem("https://dichvucong.example.gov.vn/hai-long/"))
                .isEmpty();
        assertThat(PublicBaseUrl.problem("http://10.20.30.40:8080"))
                .as("a centre's intranet")
                .isEmpty();
    }

    @Test
    void missing_is_refused() {
        assertThat(PublicBaseUrl.problem(null)).hasValue("it is missing");
        assertThat(PublicBaseUrl.problem("  ")).hasValue("it is missing");
    }

    @Test
    void this_machine_under_any_name_is_refused() {
        for (String local : new String[] {
            "http://localhost:8080",
            "HTTP://LocalHost",
            "http://kiosk.localhost",
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://0.0.0.0:8080",
            "http://[::1]:8080",
            "http://[::]"
        }) {
            assertThat(PublicBaseUrl.problem(local))
                    .as(local)
                    .hasValueSatisfying(p -> assertThat(p).contains("points at this machine"));
        }
    }

    @Test
    void not_an_absolute_web_address_is_refused() {
        assertThat(PublicBaseUrl.problem("hailong.example.gov.vn"))
                .hasValueSatisfying(p -> assertThat(p).contains("http://"));
        assertThat(PublicBaseUrl.problem("ftp://hailong.example.gov.vn"))
                .hasValueSatisfying(p -> assertThat(p).contains("http://"));
        assertThat(PublicBaseUrl.problem("https://")).isPresent();
        assertThat(PublicBaseUrl.problem("https://hai long.vn"))
                .hasValueSatisfying(p -> assertThat(p).contains("not a URL"));
        assertThat(PublicBaseUrl.problem("https://hailong.example.gov.vn/?x=1"))
                .hasValueSatisfying(p -> assertThat(p).contains("query"));
    }
}
