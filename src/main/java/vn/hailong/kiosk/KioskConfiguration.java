package vn.hailong.kiosk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kiosk settings, and the schedule on which each node looks for other nodes' handovers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    KioskProperties.class,
    AnomalyRules.class,
    OfflineAlertProperties.class,
    KeypadRules.class
})
@EnableScheduling
class KioskConfiguration {}
