package vn.hailong.kiosk;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** kiosk-config applied to the database: entries created or updated, bad ones reported and skipped. */
@HaiLongTest
class SiteConfigurationLoaderTest {

    @LocalServerPort
    int port;

    @Autowired
    SiteConfigurationLoader loader;

    @Autowired
    KioskDeviceService devices;

    @Test
    void centres_counters_and_devices_are_created_and_a_device_of_an_unknown_counter_is_skipped() {
        String unit = new OneStopSoftware(port).registersUnit("SERVICE_CENTRE");
        String s = TestData.uniqueSuffix();
        String yaml = """
                centres:
                  - code: TT-%1$s
                    name: Trung tâm thử %1$s
                    agency: %2$s
                counters:
                  - code: Q-%1$s
                    name: Quầy 1
                    centre: TT-%1$s
                devices:
                  - code: kiosk-a-%1$s
                    counter: Q-%1$s
                    locale: en
                    idleTimeoutSeconds: 45
                  - code: kiosk-b-%1$s
                    counter: NO-SUCH-%1$s
                """.formatted(s, unit);

        List<String> problems = loader.apply(SiteConfiguration.parse("site.yaml", new StringReader(yaml)));
        List<String> again = loader.apply(SiteConfiguration.parse("site.yaml", new StringReader(yaml)));

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("site.yaml:14: devices[1]: counter: unknown counter 'NO-SUCH-" + s + "'")
                .endsWith("(entry skipped)");
        assertThat(again).isEqualTo(problems);
        List<DeviceSummary> list = KioskFixture.asAdmin(devices::devices);
        assertThat(list)
                .filteredOn(d -> d.code().equals("kiosk-a-" + s))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.counterCode()).isEqualTo("Q-" + s);
                    assertThat(d.locale()).isEqualTo("en");
                    assertThat(d.idleTimeoutSeconds()).isEqualTo(45);
                });
        assertThat(list).noneMatch(d -> d.code().equals("kiosk-b-" + s));
    }
}
