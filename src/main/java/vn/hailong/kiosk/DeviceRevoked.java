package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

/** A kiosk device's credential was revoked; its open pages return to the enrolment screen. */
public record DeviceRevoked(UUID deviceId, Instant at) {}
