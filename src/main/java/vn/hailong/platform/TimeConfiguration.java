package vn.hailong.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * All code reads time through this clock, so expiry, periods and timeouts can be tested. Times
 * are stored in UTC; periods (days, months, years) are cut in the province's zone.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** The default of {@code hailong.zone}: Vietnam has one zone, UTC+7, without daylight saving. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${hailong.zone:}") String zone) {
        return Clock.system(zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone));
    }
}
