package vn.hailong.kiosk;

import java.io.StringReader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.hailong.platform.FieldErrors;

import static org.assertj.core.api.Assertions.assertThat;

class SiteConfigurationTest {

    @Test
    void the_demo_site_file_reads_without_problems() {
        SiteConfiguration.Site site = SiteConfiguration.read(Path.of("kiosk-config"));

        assertThat(site.problems()).isEmpty();
        assertThat(site.devices())
                .extracting(SiteConfiguration.Device::code)
                .contains("kiosk-q01", "kiosk-q02", "kiosk-q03");
        assertThat(site.devices().getFirst().idleTimeoutSeconds()).isEqualTo(60);
    }

    @Test
    void a_bad_device_is_reported_with_file_line_and_field_and_the_others_are_kept() {
        SiteConfiguration.Site site = SiteConfiguration.parse("site.yaml", new StringReader("""
                counters:
                  - code: Q1
                    name: Quầy 1
                    centre: TT-1
                devices:
                  - code: kiosk-1
                    counter: Q1
                  - code: kiosk-2
                    idleTimeoutSeconds: soon
                  - code: kiosk-3
                    counter: Q1
                    colour: blue
                  - code: kiosk-4
                    counter: Q1
                """));

        assertThat(site.counters())
                .singleElement()
                .satisfies(c -> assertThat(c.where()).isEqualTo("site.yaml:2: counters[0]"));
        assertThat(site.devices()).extracting(SiteConfiguration.Device::code).containsExactly("kiosk-1", "kiosk-4");
        assertThat(site.problems())
                .containsExactly(
                        "site.yaml:8: devices[1].counter: is required (entry skipped)",
                        "site.yaml:9: devices[1].idleTimeoutSeconds: 'soon' is not a whole number (entry skipped)",
                        "site.yaml:12: devices[2].colour: unknown field; expected [code, counter, locale, idleTimeoutSeconds, thankYouSeconds, template, branding, unboundRatings, abandonedSurveys] (entry skipped)");
    }

    @Test
    void a_device_names_its_template_and_branding_and_a_bad_branding_field_skips_the_entry() {
        SiteConfiguration.Site site = SiteConfiguration.parse("site.yaml", new StringReader("""
                devices:
                  - code: kiosk-1
                    counter: Q1
                    template: short
                    branding:
                      centreName: Trung tâm Phục vụ hành chính công huyện
                      logoText: HCC
                      colour: "#9b1c1c"
                  - code: kiosk-2
                    counter: Q1
                    branding:
                      logo: HCC
                  - code: kiosk-3
                    counter: Q1
                    branding: red
                """));

        assertThat(site.devices()).singleElement().satisfies(d -> {
            assertThat(d.template()).isEqualTo("short");
            assertThat(d.branding())
                    .isEqualTo(new Branding("Trung tâm Phục vụ hành chính công huyện", "HCC", "#9b1c1c"));
        });
        assertThat(site.problems())
                .containsExactly(
                        "site.yaml:12: devices[1].branding.logo: unknown field; expected [centreName, logoText, colour] (entry skipped)",
                        "site.yaml:15: devices[2].branding: expected fields such as centreName:, logoText:, colour: (entry skipped)");
    }

    private static boolean isFine(Branding branding) {
        FieldErrors errors = new FieldErrors();
        branding.check(errors);
        return errors.isEmpty();
    }

    @Test
    void a_brand_colour_too_light_for_white_text_is_refused() {
        assertThat(isFine(new Branding(null, null, "#ffd400"))).isFalse();
        assertThat(isFine(new Branding(null, null, "red"))).isFalse();
        assertThat(isFine(new Branding(null, "TRUNG TÂM HÀNH CHÍNH", null))).isFalse();
        assertThat(isFine(new Branding("Trung tâm", "HCC", "#9b1c1c"))).isTrue();
        assertThat(Branding.contrastWithWhite("#9b1c1c")).isGreaterThan(4.5);
        assertThat(Branding.contrastWithWhite("#ffd400")).isLessThan(4.5);
    }

    @Test
    void a_file_that_is_not_yaml_is_skipped_with_its_line() {
        SiteConfiguration.Site site = SiteConfiguration.parse("broken.yaml", new StringReader("""
                devices:
                  - code: kiosk-1
                    counter: [Q1
                """));

        assertThat(site.devices()).isEmpty();
        assertThat(site.problems())
                .singleElement()
                .asString()
                .startsWith("broken.yaml:4: not valid YAML:")
                .endsWith("(file skipped)");
    }

    @Test
    void an_unknown_section_is_reported() {
        SiteConfiguration.Site site = SiteConfiguration.parse("site.yaml", new StringReader("""
                kiosks:
                  - code: kiosk-1
                """));

        assertThat(site.problems())
                .containsExactly("site.yaml:1: unknown section 'kiosks'; expected centres, counters or devices");
    }

    @Test
    void a_device_may_store_or_discard_surveys_left_unsent_and_anything_else_is_reported() {
        SiteConfiguration.Site site = SiteConfiguration.parse("site.yaml", new StringReader("""
                devices:
                  - code: kiosk-1
                    counter: Q1
                    abandonedSurveys: discard
                  - code: kiosk-2
                    counter: Q1
                  - code: kiosk-3
                    counter: Q1
                    abandonedSurveys: sometimes
                """));

        assertThat(site.devices())
                .extracting(SiteConfiguration.Device::abandonedSurveys)
                .containsExactly(AbandonedSurveys.DISCARD, null);
        assertThat(site.problems())
                .containsExactly(
                        "site.yaml:9: devices[2].abandonedSurveys: 'sometimes': expected store or discard (entry skipped)");
    }
}
