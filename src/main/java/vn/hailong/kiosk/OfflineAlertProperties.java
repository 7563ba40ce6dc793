package vn.hailong.kiosk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Offline alerts of kiosks ({@code hailong.kiosk.offline-alert.*}); opening hours are those of
 * {@code hailong.kiosk.anomalies}.
 *
 * @param after a kiosk silent this long during opening hours raises an alert
 * @param checkEvery how often each node checks (every node may: the database keeps one open alert per kiosk)
 */
@ConfigurationProperties("hailong.kiosk.offline-alert")
public record OfflineAlertProperties(
        @DefaultValue("PT15M") Duration after,
        @DefaultValue("PT1M") Duration checkEvery) {}
