package vn.hailong.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * All code reads time through this clock, so expiry, periods and timeouts can be tested. Times
 * are stored in UTC; periods (days, months, years) are cut in the province's zone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeConfiguration.ZoneProperties.class)
public class TimeConfiguration {

    /** The default of {@code hailong.zone}: Vietnam has one zone, UTC+7, without daylight saving. */
    static final String DEFAULT_ZONE_ID = "Asia/Ho_Chi_Minh";

    static final ZoneId DEFAULT_ZONE = ZoneId.of(DEFAULT_ZONE_ID);

    /**
     * {@code hailong.zone}.
     *
     * @param zone the province's time zone, in which days, months and years are cut and times are
     *     shown (a region id, e.g. {@code Asia/Ho_Chi_Minh}); empty: the default
     */
    @ConfigurationProperties("hailong")
    record ZoneProperties(@DefaultValue(DEFAULT_ZONE_ID) String zone) {

        ZoneId zoneId() {
            return zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ZoneProperties properties) {
        return Clock.system(properties.zoneId());
    }
}
