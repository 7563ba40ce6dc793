package vn.hailong.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens an alert for each enrolled kiosk silent too long during opening hours (and e-mails the
 * managers of the centre's unit, see {@link OfflineAlertMail}), and closes it when the kiosk is
 * heard again or is revoked. Every node runs the check; the unique key on the open alert makes a
 * second node's insert fail, which is taken as "already open".
 */
@Service
class OfflineAlertService {

    private final KioskDevices devices;
    private final OfflineAlerts alerts;
    private final OfflineRule rule;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OfflineAlertMail mail;

    OfflineAlertService(
            KioskDevices devices,
            OfflineAlerts alerts,
            OfflineAlertProperties properties,
            AnomalyRules hours,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            OfflineAlertMail mail) {
        this.devices = devices;
        this.alerts = alerts;
        this.rule = new OfflineRule(
                properties.after(), hours.opensAt(), hours.closesAt(), hours.openDays(), clock.getZone());
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
    }

    // The interval is the bound OfflineAlertProperties.checkEvery (its default written there, once).
    @Scheduled(
            initialDelayString =
                    "#{@'hailong.kiosk.offline-alert-vn.hailong.kiosk.OfflineAlertProperties'.checkEvery()}",
            fixedDelayString = "#{@'hailong.kiosk.offline-alert-vn.hailong.kiosk.OfflineAlertProperties'.checkEvery()}")
    void scheduledCheck() {
        check(clock.instant());
    }

    /** Opens and closes alerts as of {@code now}; answers how many it opened. */
    int check(Instant now) {
        Map<UUID, OfflineAlert> open = new HashMap<>();
        alerts.findByOpenDeviceIdIsNotNull().forEach(a -> open.put(a.getDeviceId(), a));
        int opened = 0;
        for (KioskDevice device : devices.findAll()) {
            OfflineAlert alert = open.get(device.getId());
            if (!device.isEnrolled()) {
                if (alert != null) {
                    closeIfOpen(device.getId(), now);
                }
                continue;
            }
            Instant lastHeard = device.getLastSeenAt() != null ? device.getLastSeenAt() : device.getEnrolledAt();
            if (alert != null) {
                if (lastHeard != null && lastHeard.isAfter(alert.getOfflineSince())) {
                    closeIfOpen(device.getId(), now);
                }
                continue;
            }
            Optional<Instant> since = rule.alertSince(now, lastHeard);
            if (since.isPresent() && open(device, since.get(), now)) {
                opened++;
            }
        }
        return opened;
    }

    private boolean open(KioskDevice device, Instant since, Instant now) {
        try {
            OfflineAlert alert = transaction.execute(tx -> {
                if (alerts.findByOpenDeviceId(device.getId()).isPresent()) {
                    return null;
                }
                OfflineAlert opened = alerts.saveAndFlush(new OfflineAlert(device.getId(), since, now));
                // In the alert's transaction: only the node whose alert commits queues its e-mail.
                mail.queue(opened, device);
                return opened;
            });
            if (alert == null) {
                return false;
            }
            events.publishEvent(new KioskWentOffline(alert.getId(), device.getId(), device.getCode(), since, now));
            return true;
        } catch (DataIntegrityViolationException raced) {
            return false; // another node opened it a moment ago
        }
    }

    private void closeIfOpen(UUID deviceId, Instant now) {
        transaction.executeWithoutResult(
                tx -> alerts.findByOpenDeviceId(deviceId).ifPresent(a -> {
                    a.close(now);
                    alerts.save(a);
                }));
    }

    /** Since when each kiosk with an open alert has been offline. */
    Map<UUID, Instant> openAlerts() {
        Map<UUID, Instant> result = new HashMap<>();
        alerts.findByOpenDeviceIdIsNotNull().forEach(a -> result.put(a.getDeviceId(), a.getOfflineSince()));
        return result;
    }
}
