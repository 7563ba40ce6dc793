package vn.hailong.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.PublicBaseUrl;
import vn.hailong.platform.Roles;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingService;

/**
 * Kiosk devices: administrators register them and open one-time enrolment links; a tablet that
 * opens such a link receives its credential; revocation takes effect at the next request of the
 * tablet (and its open pages are told at once, see {@link KioskSignals}).
 */
@Service
public class KioskDeviceService {

    public static final String COOKIE = "HL_KIOSK";
    public static final List<String> LOCALES = List.of("vi", "en");
    /** A kiosk page sends a heartbeat every minute; a device silent for longer than this is offline. */
    public static final Duration ONLINE_WITHIN = Duration.ofSeconds(150);

    private final KioskDevices devices;
    private final OfflineAlerts offlineAlerts;
    private final DirectoryService directory;
    private final RatingService ratings;
    private final KioskProperties properties;
    private final QuestionnaireService questionnaires;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;
    private final KioskMeters meters;

    KioskDeviceService(
            KioskMeters meters,
            KioskDevices devices,
            OfflineAlerts offlineAlerts,
            DirectoryService directory,
            RatingService ratings,
            KioskProperties properties,
            QuestionnaireService questionnaires,
            ApplicationEventPublisher events,
            Clock clock,
            PublicBaseUrl publicBaseUrl) {
        this.meters = meters;
        this.devices = devices;
        this.offlineAlerts = offlineAlerts;
        this.directory = directory;
        this.ratings = ratings;
        this.properties = properties;
        this.questionnaires = questionnaires;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Registers a device, or changes its counter, locale and timeouts; its enrolment is kept. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public DeviceSummary register(
            String code,
            @Nullable String counterCode,
            @Nullable String locale,
            @Nullable Integer idleTimeoutSeconds,
            @Nullable Integer thankYouSeconds) {
        FieldErrors errors = new FieldErrors();
        if (code == null || !code.matches("[A-Za-z0-9._-]{1," + KioskDevice.CODE_MAX_LENGTH + "}")) {
            errors.malformed("code", "device code is required: 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        Optional<CounterSummary> counter = counterCode == null ? Optional.empty() : directory.findCounter(counterCode);
        if (counter.isEmpty()) {
            errors.unprocessable("counter", "unknown counter '" + counterCode + "'");
        }
        String lang = locale == null || locale.isBlank() ? "vi" : locale;
        if (!LOCALES.contains(lang)) {
            errors.malformed("locale", "locale must be one of " + LOCALES);
        }
        int idle = idleTimeoutSeconds == null ? (int) properties.idleTimeout().toSeconds() : idleTimeoutSeconds;
        if (idle < 5 || idle > 3600) {
            errors.malformed("idleTimeoutSeconds", "idleTimeoutSeconds must be between 5 and 3600");
        }
        int thanks = thankYouSeconds == null ? (int) properties.thankYou().toSeconds() : thankYouSeconds;
        if (thanks < 1 || thanks > 120) {
            errors.malformed("thankYouSeconds", "thankYouSeconds must be between 1 and 120");
        }
        errors.throwIfAny();
        UUID counterId = counter.orElseThrow().id();
        boolean created = devices.findByCode(code).isEmpty();
        KioskDevice device =
                devices.findByCode(code).orElseGet(() -> new KioskDevice(code, counterId, lang, idle, thanks));
        device.configure(counterId, lang, idle, thanks);
        devices.saveAndFlush(device);
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED,
                "kiosk device " + code,
                (created ? "registered" : "configured") + ": counter " + counterCode + ", locale " + lang + ", idle "
                        + idle + " s, thank-you " + thanks + " s"));
        return summary(device, Map.of(counterId, counter.get()), openAlerts());
    }

    /**
     * Sets the survey template (null: the default) and branding a device's tablet shows.
     *
     * @throws InvalidInputException naming {@code template} (no such active template) or {@code branding.*}
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void configureLook(String code, @Nullable String templateKey, Branding branding) {
        KioskDevice device =
                devices.findByCode(code).orElseThrow(() -> new NotFoundException("no kiosk device '" + code + "'"));
        FieldErrors errors = new FieldErrors();
        if (templateKey != null) {
            try {
                questionnaires.active(templateKey);
            } catch (NotFoundException e) {
                errors.unprocessable("template", "no active survey template '" + templateKey + "'");
            }
        }
        branding.check(errors);
        errors.throwIfAny();
        device.look(templateKey, branding);
        devices.save(device);
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED,
                "kiosk device " + code,
                "template " + (templateKey == null ? "default" : templateKey) + ", branding " + branding));
    }

    /** Whether the device stores ratings without a dossier (apart, never counted); null: the site's default. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void configureUnboundRatings(String code, @Nullable UnboundRatings mode) {
        KioskDevice device =
                devices.findByCode(code).orElseThrow(() -> new NotFoundException("no kiosk device '" + code + "'"));
        device.unboundRatings(mode);
        devices.save(device);
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED,
                "kiosk device " + code,
                "unbound ratings " + (mode == null ? "site default" : mode)));
    }

    /** Whether the device stores surveys begun and left (see {@link AbandonedSurveys}); null: the site's default. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void configureAbandonedSurveys(String code, @Nullable AbandonedSurveys mode) {
        KioskDevice device =
                devices.findByCode(code).orElseThrow(() -> new NotFoundException("no kiosk device '" + code + "'"));
        device.abandonedSurveys(mode);
        devices.save(device);
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED,
                "kiosk device " + code,
                "abandoned surveys " + (mode == null ? "site default" : mode)));
    }

    @PreAuthorize(Roles.PROVINCE_READERS)
    @Transactional(readOnly = true)
    public List<DeviceSummary> devices() {
        Map<UUID, CounterSummary> counters =
                directory.allCounters().stream().collect(Collectors.toMap(CounterSummary::id, Function.identity()));
        Map<UUID, Instant> alerts = openAlerts();
        return devices.findAllByOrderByCode().stream()
                .map(d -> summary(d, counters, alerts))
                .toList();
    }

    private Map<UUID, Instant> openAlerts() {
        return offlineAlerts.findByOpenDeviceIdIsNotNull().stream()
                .collect(Collectors.toMap(OfflineAlert::getDeviceId, OfflineAlert::getOfflineSince, (a, b) -> a));
    }

    /** Every counter a device may stand at. */
    @PreAuthorize(Roles.IS_ADMIN)
    public List<CounterSummary> counters() {
        return directory.allCounters();
    }

    /**
     * Opens a one-time enrolment link for the device; valid for {@code hailong.kiosk.enrolment-valid-for}.
     * A new link replaces an unused earlier one. The device's current credential keeps working
     * until the link is used.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public EnrolmentLink openEnrolment(UUID deviceId) {
        KioskDevice device =
                devices.findById(deviceId).orElseThrow(() -> new NotFoundException("no kiosk device " + deviceId));
        String token = Secrets.newSecret();
        Instant expires = clock.instant().plus(properties.enrolmentValidFor());
        device.openEnrolment(Secrets.hash(token), expires);
        devices.save(device);
        events.publishEvent(AuditEvent.of(
                AuditAction.ENROLMENT,
                "kiosk device " + device.getCode(),
                "enrolment link opened, valid until " + expires));
        return new EnrolmentLink(device.getCode(), publicBaseUrl.link("/kiosk-device/enrol/" + token), expires);
    }

    /** Revokes the device's credential (and any open enrolment link); its pages stop at once. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void revoke(UUID deviceId) {
        KioskDevice device =
                devices.findById(deviceId).orElseThrow(() -> new NotFoundException("no kiosk device " + deviceId));
        Instant now = clock.instant();
        device.revoke(now);
        devices.save(device);
        events.publishEvent(
                AuditEvent.of(AuditAction.ENROLMENT, "kiosk device " + device.getCode(), "credential revoked"));
        events.publishEvent(new DeviceRevoked(deviceId, now));
    }

    /**
     * Uses a one-time enrolment token: answers the device credential to store in the tablet's
     * cookie, or nothing when the token is unknown, used or expired.
     */
    @Transactional
    public Optional<String> enrol(String token) {
        if (!Secrets.looksLikeSecret(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return devices.findByEnrolmentHash(Secrets.hash(token))
                .filter(d -> d.enrolmentValidAt(now))
                .map(d -> {
                    String credential = Secrets.newSecret();
                    d.enrol(Secrets.hash(credential), now);
                    devices.saveAndFlush(d);
                    // the tablet has no user: the device itself is the actor
                    events.publishEvent(new AuditEvent(
                            "kiosk device " + d.getCode(),
                            AuditAction.ENROLMENT,
                            "kiosk device " + d.getCode(),
                            "enrolled with a one-time link"));
                    return credential;
                });
    }

    /** The enrolled device holding this credential, if it is still valid. */
    @Transactional(readOnly = true)
    public Optional<KioskDeviceInfo> authenticate(@Nullable String credential) {
        if (!Secrets.looksLikeSecret(credential)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return devices.findByCredentialHash(Secrets.hash(credential))
                .filter(d -> d.credentialValidAt(now, properties.credentialLifetime()))
                .flatMap(d -> directory
                        .findCounter(d.getCounterId())
                        .map(c -> new KioskDeviceInfo(
                                d.getId(),
                                d.getCode(),
                                c.id(),
                                c.code(),
                                c.name(),
                                c.centreName(),
                                Locale.forLanguageTag(d.getLocale()),
                                d.getIdleTimeoutSeconds(),
                                d.getThankYouSeconds(),
                                d.getTemplateKey() == null ? QuestionnaireService.DEFAULT_TEMPLATE : d.getTemplateKey(),
                                d.getBranding(),
                                (d.getUnboundRatings() == null ? properties.unboundRatings() : d.getUnboundRatings())
                                        == UnboundRatings.STORE,
                                (d.getAbandonedSurveys() == null
                                                ? properties.abandonedSurveys()
                                                : d.getAbandonedSurveys())
                                        == AbandonedSurveys.STORE)));
    }

    /** What a heartbeat did: refused (not, or no longer, an enrolled device), seen, or seen and renewed. */
    public enum HeartbeatAnswer {
        REFUSED,
        SEEN,
        RENEWED
    }

    /**
     * A sign of life from the tablet, with the number of ratings it holds unsent. Renews the
     * credential once it is older than {@code hailong.kiosk.credential-renew-after}: on
     * {@link HeartbeatAnswer#RENEWED} the caller gives the tablet its cookie again, with a fresh
     * {@code credential-max-age}. A revoked or lapsed credential is refused and never renewed.
     */
    @Transactional
    public HeartbeatAnswer heartbeat(@Nullable String credential, int unsentRatings) {
        HeartbeatAnswer answer = answerHeartbeat(credential, unsentRatings);
        meters.heartbeats(answer).increment();
        return answer;
    }

    private HeartbeatAnswer answerHeartbeat(@Nullable String credential, int unsentRatings) {
        if (!Secrets.looksLikeSecret(credential)) {
            return HeartbeatAnswer.REFUSED;
        }
        Instant now = clock.instant();
        CredentialLifetime lifetime = properties.credentialLifetime();
        return devices.findByCredentialHash(Secrets.hash(credential))
                .filter(d -> d.credentialValidAt(now, lifetime))
                .map(d -> {
                    d.seen(now, unsentRatings);
                    if (lifetime.renewalDue(d.getCredentialRenewedAt(), now)) {
                        d.renewCredential(now);
                        return HeartbeatAnswer.RENEWED;
                    }
                    return HeartbeatAnswer.SEEN;
                })
                .orElse(HeartbeatAnswer.REFUSED);
    }

    /** How long the credential lives since its last renewal, and when a heartbeat renews it. */
    public CredentialLifetime credentialLifetime() {
        return properties.credentialLifetime();
    }

    private DeviceSummary summary(KioskDevice d, Map<UUID, CounterSummary> counters, Map<UUID, Instant> alerts) {
        CounterSummary counter = counters.get(d.getCounterId());
        // A credential past its lifetime counts as not enrolled: the tablet has to be enrolled again.
        boolean enrolled = d.credentialValidAt(clock.instant(), properties.credentialLifetime());
        DeviceSummary.State state = enrolled
                ? DeviceSummary.State.ENROLLED
                : d.enrolmentValidAt(clock.instant())
                        ? DeviceSummary.State.ENROLMENT_OPEN
                        : d.getRevokedAt() != null ? DeviceSummary.State.REVOKED : DeviceSummary.State.NOT_ENROLLED;
        Instant now = clock.instant();
        boolean online =
                enrolled && d.getLastSeenAt() != null && d.getLastSeenAt().isAfter(now.minus(ONLINE_WITHIN));
        long today = ratings.countOfDeviceSince(
                d.getCode(),
                now.atZone(clock.getZone())
                        .toLocalDate()
                        .atStartOfDay(clock.getZone())
                        .toInstant());
        return new DeviceSummary(
                d.getId(),
                d.getCode(),
                counter == null ? "?" : counter.code(),
                counter == null ? "?" : counter.name(),
                d.getLocale(),
                d.getIdleTimeoutSeconds(),
                state,
                d.getEnrolledAt(),
                d.getLastSeenAt(),
                d.getUnsentRatings(),
                online,
                today,
                alerts.get(d.getId()));
    }
}
