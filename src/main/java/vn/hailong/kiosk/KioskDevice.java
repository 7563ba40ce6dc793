package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * A tablet at a counter. It proves who it is with a long-lived credential (an HttpOnly cookie)
 * received once through a one-time enrolment link; only hashes of both are stored.
 */
@Entity
@Table(name = "kiosk_device")
class KioskDevice extends AbstractEntity {

    static final int CODE_MAX_LENGTH = 64;

    @Column(nullable = false, length = CODE_MAX_LENGTH)
    private String code;

    @Column(name = "counter_id", nullable = false, columnDefinition = "uuid")
    private UUID counterId;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(name = "idle_timeout_seconds", nullable = false)
    private int idleTimeoutSeconds;

    @Column(name = "thank_you_seconds", nullable = false)
    private int thankYouSeconds;

    @Column(name = "enrolment_hash", columnDefinition = "binary(32)")
    private byte @Nullable [] enrolmentHash;

    @Column(name = "enrolment_expires_at")
    private @Nullable Instant enrolmentExpiresAt;

    @Column(name = "credential_hash", columnDefinition = "binary(32)")
    private byte @Nullable [] credentialHash;

    /** When the credential was issued or last renewed: it lives hailong.kiosk.credential-max-age from then. */
    @Column(name = "credential_renewed_at")
    private @Nullable Instant credentialRenewedAt;

    @Column(name = "enrolled_at")
    private @Nullable Instant enrolledAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "last_seen_at")
    private @Nullable Instant lastSeenAt;

    @Column(name = "unsent_ratings", nullable = false)
    private int unsentRatings;

    @Column(name = "template_key", length = 40)
    private @Nullable String templateKey;

    @Column(name = "brand_centre_name", length = Branding.CENTRE_NAME_MAX_LENGTH)
    private @Nullable String brandCentreName;

    @Column(name = "brand_logo_text", length = Branding.LOGO_TEXT_MAX_LENGTH)
    private @Nullable String brandLogoText;

    @Column(name = "brand_colour", length = 7, columnDefinition = "char(7)")
    private @Nullable String brandColour;

    /** Null: the site's default ({@code hailong.kiosk.unbound-ratings}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "unbound_ratings", length = 10)
    private @Nullable UnboundRatings unboundRatings;

    /** Null: the site's default ({@code hailong.kiosk.abandoned-surveys}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "abandoned_surveys", length = 10)
    private @Nullable AbandonedSurveys abandonedSurveys;

    protected KioskDevice() {}

    KioskDevice(String code, UUID counterId, String locale, int idleTimeoutSeconds, int thankYouSeconds) {
        this.code = code;
        set(counterId, locale, idleTimeoutSeconds, thankYouSeconds);
    }

    void configure(UUID counterId, String locale, int idleTimeoutSeconds, int thankYouSeconds) {
        set(counterId, locale, idleTimeoutSeconds, thankYouSeconds);
    }

    private void set(UUID counterId, String locale, int idleTimeoutSeconds, int thankYouSeconds) {
        this.counterId = counterId;
        this.locale = locale;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.thankYouSeconds = thankYouSeconds;
    }

    /** Opens a one-time enrolment; a new one replaces any earlier link that was not used. */
    void openEnrolment(byte[] tokenHash, Instant expiresAt) {
        this.enrolmentHash = tokenHash;
        this.enrolmentExpiresAt = expiresAt;
    }

    boolean enrolmentValidAt(Instant now) {
        return enrolmentHash != null && enrolmentExpiresAt != null && now.isBefore(enrolmentExpiresAt);
    }

    /** Uses up the enrolment: the tablet now holds the credential; an earlier tablet's credential stops working. */
    void enrol(byte[] credentialHash, Instant now) {
        this.enrolmentHash = null;
        this.enrolmentExpiresAt = null;
        this.credentialHash = credentialHash;
        this.credentialRenewedAt = now;
        this.enrolledAt = now;
        this.revokedAt = null;
        this.lastSeenAt = now;
    }

    void revoke(Instant now) {
        this.credentialHash = null;
        this.credentialRenewedAt = null;
        this.enrolmentHash = null;
        this.enrolmentExpiresAt = null;
        this.revokedAt = now;
    }

    /** The credential (held by the tablet) is enrolled and within its lifetime. */
    boolean credentialValidAt(Instant now, CredentialLifetime lifetime) {
        return credentialHash != null && lifetime.validAt(credentialRenewedAt, now);
    }

    /** A fresh lifetime for the same credential; the caller sends the tablet a cookie with a fresh Max-Age. */
    void renewCredential(Instant now) {
        this.credentialRenewedAt = now;
    }

    @Nullable
    Instant getCredentialRenewedAt() {
        return credentialRenewedAt;
    }

    void seen(Instant now, int unsent) {
        this.lastSeenAt = now;
        this.unsentRatings = Math.max(0, unsent);
    }

    String getCode() {
        return code;
    }

    UUID getCounterId() {
        return counterId;
    }

    String getLocale() {
        return locale;
    }

    int getIdleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    int getThankYouSeconds() {
        return thankYouSeconds;
    }

    boolean isEnrolled() {
        return credentialHash != null;
    }

    @Nullable
    Instant getEnrolledAt() {
        return enrolledAt;
    }

    @Nullable
    Instant getRevokedAt() {
        return revokedAt;
    }

    @Nullable
    Instant getLastSeenAt() {
        return lastSeenAt;
    }

    @Nullable
    Instant getEnrolmentExpiresAt() {
        return enrolmentExpiresAt;
    }

    int getUnsentRatings() {
        return unsentRatings;
    }

    /** The survey template and branding the tablet shows; null parts fall back to the defaults. */
    void look(@Nullable String templateKey, Branding branding) {
        this.templateKey = templateKey;
        this.brandCentreName = branding.centreName();
        this.brandLogoText = branding.logoText();
        this.brandColour = branding.colour();
    }

    @Nullable
    String getTemplateKey() {
        return templateKey;
    }

    Branding getBranding() {
        return new Branding(brandCentreName, brandLogoText, brandColour);
    }

    void unboundRatings(@Nullable UnboundRatings mode) {
        this.unboundRatings = mode;
    }

    void abandonedSurveys(@Nullable AbandonedSurveys mode) {
        this.abandonedSurveys = mode;
    }

    @Nullable
    AbandonedSurveys getAbandonedSurveys() {
        return abandonedSurveys;
    }

    @Nullable
    UnboundRatings getUnboundRatings() {
        return unboundRatings;
    }
}
