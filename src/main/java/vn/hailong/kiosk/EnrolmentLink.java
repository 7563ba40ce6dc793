package vn.hailong.kiosk;

import java.time.Instant;

/** A one-time link that enrols a tablet; shown once to the administrator (as a QR code and as text). */
public record EnrolmentLink(String deviceCode, String url, Instant expiresAt) {}
