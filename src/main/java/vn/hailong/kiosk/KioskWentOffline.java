package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

/** A kiosk has been silent too long during opening hours: an offline alert was opened (once, on one node). */
public record KioskWentOffline(
        UUID alertId, UUID deviceId, String deviceCode, Instant offlineSince, Instant openedAt) {}
