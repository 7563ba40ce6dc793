package vn.hailong.rating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRef;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Retries;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;

/**
 * Stores citizens' ratings: exactly once per submission (idempotency key) and at most one counted
 * rating per dossier (a unique key in the database, so even two nodes racing cannot break it).
 */
@Service
@EnableConfigurationProperties(RatingPrecedence.class)
public class RatingService {

    private static final RetryTemplate RACES = Retries.onWriteConflictOrDuplicate(4);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final Ratings ratings;
    private final QuestionnaireService questionnaires;
    private final DossierIntakeService intake;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RatingPrecedence precedence;

    RatingService(
            Ratings ratings,
            QuestionnaireService questionnaires,
            DossierIntakeService intake,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            RatingPrecedence precedence) {
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.intake = intake;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.precedence = precedence;
    }

    /**
     * Stores a rating. A retry with the same idempotency key and content returns the first
     * outcome with {@code replayed = true}.
     *
     * @throws InvalidInputException naming every bad field (nothing stored)
     * @throws ConflictException when the dossier already has a counted rating, or the idempotency
     *         key was used for a different rating
     * @throws AccessDeniedException when the caller is staff, or uses a channel not theirs
     */
    public RatingOutcome submit(RatingSubmission submission) {
        return submit(submission, Set.of());
    }

    /**
     * Stores a rating with anomaly flags for later review (see {@link AnomalyFlag}); the flags never
     * change whether it counts. A retry answers the first outcome and keeps the first flags.
     */
    public RatingOutcome submit(RatingSubmission submission, Set<AnomalyFlag> anomalyFlags) {
        return submit(submission, anomalyFlags, QuestionnaireService.DEFAULT_TEMPLATE);
    }

    /**
     * Stores a rating answered on the active revision of another survey template than the default
     * (a kiosk configured with its own template); otherwise as {@link #submit(RatingSubmission, Set)}.
     */
    public RatingOutcome submit(RatingSubmission submission, Set<AnomalyFlag> anomalyFlags, String templateKey) {
        FieldErrors errors = new FieldErrors();
        RatingChannel channel = null;
        if (submission.channel() == null) {
            errors.malformed("channel", "channel is required; one of " + List.of(RatingChannel.values()));
        } else {
            try {
                channel = RatingChannel.valueOf(submission.channel());
            } catch (IllegalArgumentException e) {
                errors.malformed(
                        "channel",
                        "unknown channel '" + submission.channel() + "'; one of " + List.of(RatingChannel.values()));
            }
        }
        if (channel != null) {
            String refusal = RatingSubmissionPolicy.refusal(currentAuthorities(), channel);
            if (refusal != null) {
                throw new AccessDeniedException(refusal);
            }
        }
        if (submission.idempotencyKey() == null
                || !IDEMPOTENCY_KEY.matcher(submission.idempotencyKey()).matches()) {
            errors.malformed(
                    "idempotencyKey",
                    "idempotencyKey is required: 8 to 100 characters of A-Z a-z 0-9 . _ : -, new for each rating (a UUID is fine)");
        }
        if (submission.deviceId() != null && submission.deviceId().length() > 64) {
            errors.malformed("deviceId", "deviceId is longer than 64 characters");
        }
        RatingChannel ratingChannel = channel;
        // One transaction from the dossier's look-up to the commit (no read-only transaction of its
        // own before it, and its session toggles): an earlier rating with this key or of this
        // dossier answers; else we store. Someone may store a rating for this dossier or key between
        // our check and our insert (a unique key refuses ours), or a deadlock / Galera certification
        // failure may end ours: then look again, and answer as if we had come second (which we did).
        return RACES.invoke(() -> transaction.execute(
                tx -> checkAndStore(submission, ratingChannel, anomalyFlags, templateKey, errors.copy())));
    }

    private RatingOutcome checkAndStore(
            RatingSubmission submission,
            @Nullable RatingChannel channel,
            Set<AnomalyFlag> anomalyFlags,
            String templateKey,
            FieldErrors errors) {
        DossierRef dossier = null;
        if (submission.dossierCode() == null || submission.dossierCode().isBlank()) {
            errors.malformed("dossierCode", "dossierCode is required");
        } else {
            dossier = intake.findRef(submission.dossierCode()).orElse(null);
            if (dossier == null) {
                errors.unprocessable("dossierCode", "no dossier with code '" + submission.dossierCode() + "'");
            }
        }
        Questionnaire questionnaire = questionnaires.active(templateKey);
        // Only a survey left unsent may lack its reason, and then it says so.
        boolean reasonMayBeMissing = anomalyFlags.contains(AnomalyFlag.REASON_NOT_GIVEN)
                && anomalyFlags.contains(AnomalyFlag.NOT_SENT_BY_CITIZEN);
        Questionnaire.CheckedAnswers checked = questionnaire.check(
                submission.answers(), submission.reasons(), submission.comment(), reasonMayBeMissing, errors);
        errors.throwIfAny();

        // Past throwIfAny the dossier, the channel and the key are there (a missing one is an error).
        DossierRef found = Objects.requireNonNull(dossier);
        RatingChannel via = Objects.requireNonNull(channel);
        byte[] requestHash = requestHash(found.id().value(), via, checked, submission.deviceId());
        Precheck precheck = precheck(Objects.requireNonNull(submission.idempotencyKey()), requestHash, found, via);
        return precheck.earlier() != null
                ? precheck.earlier()
                : store(
                        found,
                        via,
                        questionnaire,
                        checked,
                        submission,
                        requestHash,
                        precheck.superseded(),
                        anomalyFlags);
    }

    /** What is stored already: an earlier outcome to answer with, or the id of a rating this one supersedes. */
    private record Precheck(
            @Nullable RatingOutcome earlier, @Nullable UUID superseded) {}

    private Precheck precheck(String idempotencyKey, byte[] requestHash, DossierRef dossier, RatingChannel channel) {
        // One query for the three questions (this key used before? the dossier's counted rating? an
        // excluded one?): a new rating, the common case, finds no row and loads nothing more.
        List<Rating> earlier = ratings.findByIdempotencyKeyOrDossierId(
                idempotencyKey, dossier.id().value());
        Optional<Rating> sameKey = earlier.stream()
                .filter(r -> r.getIdempotencyKey().equals(idempotencyKey))
                .findFirst();
        if (sameKey.isPresent()) {
            Rating rating = sameKey.get();
            if (!Arrays.equals(rating.getRequestHash(), requestHash)) {
                throw new ConflictException(
                        "idempotencyKey",
                        "idempotencyKey '" + idempotencyKey
                                + "' was already used for a different rating; use a new key for a new rating");
            }
            return new Precheck(outcome(rating, dossier.code(), true), null);
        }
        Optional<Rating> counted = earlier.stream()
                .filter(r -> dossier.id().value().equals(r.getCountedDossierId()))
                .findFirst();
        if (counted.isPresent()
                && precedence.supersedes(
                        counted.get().getChannel(), counted.get().getSubmittedAt(), channel, clock.instant())) {
            // The citizen's own phone takes the place of the kiosk; flushed first so that the
            // unique key on counted_dossier_id is free for the new rating.
            Rating kiosk = counted.get();
            kiosk.supersede(clock.instant());
            ratings.saveAndFlush(kiosk);
            return new Precheck(null, kiosk.getId());
        }
        // An excluded rating does not free its dossier: otherwise moderation could replace an
        // unhappy rating with a new, happier one.
        if (counted.isPresent()
                || earlier.stream()
                        .anyMatch(r -> r.getStatus() == RatingStatus.EXCLUDED
                                && dossier.id().value().equals(r.getDossierId()))) {
            throw new ConflictException("dossierCode", Words.of("rating.error.alreadyRated", Words.VI, dossier.code()));
        }
        return new Precheck(null, null);
    }

    private RatingOutcome store(
            DossierRef dossier,
            RatingChannel channel,
            Questionnaire questionnaire,
            Questionnaire.CheckedAnswers checked,
            RatingSubmission submission,
            byte[] requestHash,
            @Nullable UUID superseded,
            Set<AnomalyFlag> anomalyFlags) {
        Instant now = clock.instant();
        Rating rating = new Rating(
                dossier.id().value(),
                dossier.evaluatedUnitId().value(),
                dossier.procedureId(),
                channel,
                questionnaire,
                checked,
                now,
                submission.deviceId(),
                Objects.requireNonNull(submission.idempotencyKey()), // checked before store is called
                requestHash);
        rating.flag(anomalyFlags);
        ratings.saveAndFlush(rating);
        if (superseded != null) {
            events.publishEvent(
                    new RatingSuperseded(RatingId.of(superseded), dossier.id(), RatingId.of(rating.getId())));
        }
        events.publishEvent(new RatingSubmitted(
                RatingId.of(rating.getId()),
                dossier.id(),
                dossier.evaluatedUnitId(),
                channel,
                rating.getOverallOption(),
                rating.getOverallPoints(),
                now));
        // Its commit confirms the rating is still there (platform.jpa.FirstWriteStillThere, ADR 104).
        return outcome(rating, dossier.code(), false);
    }

    private static RatingOutcome outcome(Rating rating, String dossierCode, boolean replayed) {
        return new RatingOutcome(
                RatingId.of(rating.getId()),
                dossierCode,
                rating.getStatus(),
                rating.getChannel(),
                rating.getSubmittedAt(),
                replayed);
    }

    /**
     * Whether a rating through this channel would be taken now: the dossier has no counted rating,
     * or a phone rating may still supersede its kiosk rating.
     */
    @Transactional(readOnly = true)
    public boolean accepts(DossierId dossierId, RatingChannel channel) {
        return ratings.findByCountedDossierId(dossierId.value())
                .map(r -> precedence.supersedes(r.getChannel(), r.getSubmittedAt(), channel, clock.instant()))
                .orElseGet(() -> !ratings.existsByDossierIdAndStatus(dossierId.value(), RatingStatus.EXCLUDED));
    }

    /** The overall answers of a device's latest ratings, newest first (anomaly rules of the kiosk). */
    @Transactional(readOnly = true)
    public List<String> latestOverallOptionsOfDevice(String deviceId, int limit) {
        return ratings.findLatestOverallOptionsByDevice(deviceId, PageRequest.of(0, limit));
    }

    /** How many ratings a device sent since this instant (anomaly rules of the kiosk). */
    @Transactional(readOnly = true)
    public long countOfDeviceSince(String deviceId, Instant since) {
        return ratings.countByDeviceIdAndSubmittedAtAfter(deviceId, since);
    }

    /** Whether the dossier has its counted rating. */
    @Transactional(readOnly = true)
    public boolean isRated(DossierId dossierId) {
        return ratings.isRated(dossierId.value());
    }

    /**
     * Moderation upheld a dispute: the rating stops counting (status EXCLUDED), and nothing else
     * of it changes. Publishes {@link RatingStatusChanged}, which the rollups follow. Called by the
     * moderation module, which checks who decided.
     *
     * @throws ConflictException when the rating is not counted
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public RatingFacts exclude(RatingId ratingId) {
        Rating rating =
                ratings.findById(ratingId.value()).orElseThrow(() -> new NotFoundException("no rating " + ratingId));
        rating.exclude(clock.instant());
        ratings.saveAndFlush(rating);
        events.publishEvent(new RatingStatusChanged(ratingId, RatingStatus.COUNTED, RatingStatus.EXCLUDED));
        return rating.facts();
    }

    /**
     * Moderation reversed an exclusion: the rating counts again. Publishes {@link RatingStatusChanged}.
     *
     * @throws ConflictException when the rating is not excluded
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public RatingFacts restore(RatingId ratingId) {
        Rating rating =
                ratings.findById(ratingId.value()).orElseThrow(() -> new NotFoundException("no rating " + ratingId));
        rating.restore(clock.instant());
        ratings.saveAndFlush(rating);
        events.publishEvent(new RatingStatusChanged(ratingId, RatingStatus.EXCLUDED, RatingStatus.COUNTED));
        return rating.facts();
    }

    /** Counted ratings and satisfied ratings per unit, for ratings submitted in [from, to). */
    @Transactional(readOnly = true)
    public Map<UnitId, RatingCounts> countsByUnit(Instant from, Instant to, Collection<UnitId> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        Map<UnitId, RatingCounts> result = new HashMap<>();
        for (Object[] row : ratings.countByUnit(from, to, raw(units))) {
            result.put(
                    UnitId.of((UUID) row[0]),
                    new RatingCounts(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return result;
    }

    /** A stored rating, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<RatingFacts> facts(RatingId ratingId) {
        return ratings.findById(ratingId.value()).map(Rating::facts);
    }

    /**
     * Ratings answered "not satisfied" overall in [from, to) of these units, newest first, at most
     * {@code limit}; {@code reason} (a reason code) and {@code text} (part of the comment) narrow them when given.
     */
    @Transactional(readOnly = true)
    public List<RatingFacts> unhappy(
            Collection<UnitId> units,
            Instant from,
            Instant to,
            @Nullable String reason,
            @Nullable String text,
            int limit) {
        if (units.isEmpty()) {
            return List.of();
        }
        String pattern = text == null || text.isBlank()
                ? null
                : "%"
                        + text.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        return ratings
                .findUnhappy(
                        raw(units),
                        from,
                        to,
                        reason == null || reason.isBlank() ? null : reason,
                        pattern,
                        PageRequest.of(0, limit))
                .stream()
                .map(Rating::facts)
                .toList();
    }

    /** Every rating (whatever its status) of these units submitted in [from, to), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<RatingFacts> inPeriod(Collection<UnitId> units, Instant from, Instant to, int limit) {
        if (units.isEmpty()) {
            return List.of();
        }
        return ratings.findInPeriod(raw(units), from, to, PageRequest.of(0, limit)).stream()
                .map(Rating::facts)
                .toList();
    }

    /** Every rating of a dossier, oldest first, whatever its status. */
    @Transactional(readOnly = true)
    public List<RatingFacts> ofDossier(DossierId dossierId) {
        return ratings.findByDossierIdOrderBySubmittedAt(dossierId.value()).stream()
                .map(Rating::facts)
                .toList();
    }

    /** Every stored rating of a dossier (counted or not). */
    @Transactional(readOnly = true)
    public List<RatingId> idsOfDossier(DossierId dossierId) {
        return ratings.findIdsByDossierId(dossierId.value()).stream()
                .map(RatingId::of)
                .toList();
    }

    /** Ratings of a unit: how many, and how many answered "satisfied" or "very satisfied" overall. */
    public record RatingCounts(long ratings, long satisfied) {}

    /** The units' UUIDs, for the repository's IN lists. */
    private static List<UUID> raw(Collection<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }

    private static Set<String> currentAuthorities() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    private static byte[] requestHash(
            UUID dossierId, RatingChannel channel, Questionnaire.CheckedAnswers checked, @Nullable String deviceId) {
        StringBuilder canonical = new StringBuilder()
                .append(dossierId)
                .append('|')
                .append(channel)
                .append('|');
        new TreeMap<>(checked.answers())
                .forEach((k, v) ->
                        canonical.append(k).append('=').append(v.key()).append(';'));
        canonical
                .append('|')
                .append(new TreeSet<>(checked.reasons()))
                .append('|')
                .append(checked.comment())
                .append('|')
                .append(deviceId);
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
