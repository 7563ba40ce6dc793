package vn.hailong.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.followup.FollowUpService;
import vn.hailong.followup.MobileNumber;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRef;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Retries;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.AnomalyFlag;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.receipt.LinkState;
import vn.hailong.receipt.ResolvedLink;
import vn.hailong.receipt.SurveyLinkService;

/**
 * The kiosk's work: handovers from the one-stop software, the survey a kiosk shows (handed over,
 * typed or scanned) and the ratings it sends. Ratings go through {@link RatingService} with channel
 * KIOSK, so every rule of the other channels holds here too (one counted rating per dossier,
 * idempotent resends, staff sessions refused).
 */
@Service
public class KioskService {

    private static final int OFFICER_ID_MAX_LENGTH = 64;
    private static final RetryTemplate HANDOVER_RACES = Retries.onWriteConflictOrDuplicate(8);

    private final Handovers handovers;
    private final KioskDeviceService devices;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final SurveyLinkService links;
    private final KioskProperties properties;
    private final AnomalyRules anomalies;
    private final KeypadRules keypad;
    private final UnboundRatingService unbound;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final FollowUpService followUps;

    KioskService(
            Handovers handovers,
            KioskDeviceService devices,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            SurveyLinkService links,
            KioskProperties properties,
            AnomalyRules anomalies,
            ApplicationEventPublisher events,
            Clock clock,
            UnboundRatingService unbound,
            PlatformTransactionManager transactions,
            FollowUpService followUps,
            KeypadRules keypad) {
        this.keypad = keypad;
        this.followUps = followUps;
        this.transaction = new TransactionTemplate(transactions);
        this.anomalies = anomalies;
        this.unbound = unbound;
        this.handovers = handovers;
        this.devices = devices;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.links = links;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Binds a dossier to a counter's kiosk for {@code hailong.kiosk.handover-valid-for}. Called by
     * the one-stop software when the officer hands over. The survey is shown at once when the
     * kiosk is free or its survey untouched (which the new one replaces); while a citizen is
     * answering, or others already wait, the handover waits and is shown when the surveys before it
     * end (see {@link CounterQueue}). A dossier already open at the counter is answered with its
     * handover ({@code repeated}), nothing new recorded. Handovers racing at one counter are all
     * recorded in one order; a handover that lost a race is retried, never answered 500.
     *
     * @throws NotFoundException for an unknown counter
     * @throws InvalidInputException naming {@code dossierCode} or {@code officerId}
     * @throws ConflictException when the dossier has its counted rating already
     */
    // The counter's row lock queues racing handovers on one database, so retries are rare there: a
    // deadlock, a lock wait timeout, or on Galera a certification conflict or the open-handover key
    // (see HandoverRace). Backoff with jitter spreads the retries of a burst apart; all eight
    // waits together stay under 4 s (25 ms doubling, capped at 1 s), well inside a client's timeout.
    @Retryable(predicate = HandoverRace.class, maxRetries = 8, delay = 25, multiplier = 2, jitter = 25, maxDelay = 1000)
    @Transactional
    public HandoverReceipt handOver(String counterCode, @Nullable String dossierCode, @Nullable String officerId) {
        CounterSummary counter = directory
                .lockCounter(counterCode)
                .orElseThrow(() -> new NotFoundException("no counter with code '" + counterCode + "'"));
        FieldErrors errors = new FieldErrors();
        if (dossierCode == null || dossierCode.isBlank()) {
            errors.malformed("dossierCode", "dossierCode is required");
        }
        if (officerId == null || officerId.isBlank() || officerId.length() > OFFICER_ID_MAX_LENGTH) {
            errors.malformed(
                    "officerId",
                    "officerId is required (the one-stop software's id of the officer, at most 64 characters)");
        }
        errors.throwIfAny();
        // Both are required: past throwIfAny they are there.
        DossierRef dossier = intake.findRef(Objects.requireNonNull(dossierCode).strip())
                .orElseThrow(() -> InvalidInputException.unprocessable(
                        "dossierCode",
                        "no dossier with code '" + dossierCode + "'; send it with PUT /api/v1/dossiers/" + dossierCode
                                + " first"));
        if (!ratings.accepts(dossier.id(), RatingChannel.KIOSK)) {
            throw new ConflictException("dossierCode", Words.of("rating.error.alreadyRated", Words.VI, dossier.code()));
        }
        // Taken under the counter's lock, so on one node time follows the order of the lock;
        // microseconds, as the column stores them, so the order compared here is the order stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CounterQueue queue = queueOf(counter.id());
        queue.settle(now).ifPresent(this::announce);
        Optional<Handover> same = queue.ofDossier(dossier.id().value());
        if (same.isPresent()) {
            return receipt(same.get(), counter, dossier.code(), queue, true);
        }
        Handover handover = new Handover(
                counter.id(),
                dossier.id().value(),
                Objects.requireNonNull(officerId).strip(),
                now,
                now.plus(properties.handoverValidFor()));
        CounterQueue.Placed placed = queue.add(handover, now);
        handovers.save(handover);
        if (placed == CounterQueue.Placed.SHOWN) {
            announce(
                    handover,
                    dossier.code(),
                    directory
                            .findProcedure(dossier.procedureId())
                            .map(p -> p.name())
                            .orElse(""));
        }
        return receipt(handover, counter, dossier.code(), queue, false);
    }

    /** The counter's open handovers, locked, with the rules that order them. */
    private CounterQueue queueOf(UUID counterId) {
        // Ended rows are written before another is shown (Hibernate would otherwise order the
        // statements as it likes), or the open-handover key would see two shown at once.
        return new CounterQueue(handovers.findByCounterIdAndEndedAtIsNull(counterId), handovers::flush);
    }

    private HandoverReceipt receipt(
            Handover h, CounterSummary counter, String dossierCode, CounterQueue queue, boolean repeated) {
        HandoverReceipt.State state = !h.open()
                ? HandoverReceipt.State.REPLACED
                : h.waiting() ? HandoverReceipt.State.QUEUED : HandoverReceipt.State.SHOWN;
        return new HandoverReceipt(
                h.getId(),
                counter.code(),
                dossierCode,
                h.getHandedOverAt(),
                h.getExpiresAt(),
                state,
                h.waiting() ? queue.ahead(h) : 0,
                repeated);
    }

    /** Tells the counter's kiosk pages (after commit) that this handover is shown now. */
    private void announce(Handover handover) {
        intake.find(DossierId.of(handover.getDossierId()))
                .ifPresent(d -> announce(handover, d.code(), d.procedureName()));
    }

    private void announce(Handover handover, String dossierCode, String procedureName) {
        events.publishEvent(new HandoverRecorded(
                handover.getId(),
                handover.getCounterId(),
                DossierId.of(handover.getDossierId()),
                new KioskSurvey(
                        handover.getId(),
                        dossierCode,
                        procedureName,
                        questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE))));
    }

    /**
     * The survey the counter's kiosk shows now: its shown handover while nobody has answered it. A
     * handover the citizen had begun is never offered again: on a page just opened (a reload, a
     * restart of the tablet) it is ended as abandoned, and the next waiting one comes up. Expired
     * handovers end here too. Empty: the idle screen.
     */
    @Retryable(predicate = HandoverRace.class, maxRetries = 8, delay = 25, multiplier = 2, jitter = 25, maxDelay = 1000)
    @Transactional
    public Optional<KioskSurvey> surveyToShow(KioskDeviceInfo device, boolean pageOpened) {
        if (directory.lockCounter(device.counterCode()).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CounterQueue queue = queueOf(device.counterId());
        queue.settle(now).ifPresent(this::announce);
        Optional<Handover> shown = queue.shown();
        if (shown.isPresent() && shown.get().started()) {
            if (!pageOpened) {
                return Optional.empty();
            }
            queue.end(shown.get(), HandoverOutcome.ABANDONED, now).ifPresent(this::announce);
            shown = queue.shown();
        }
        return shown.flatMap(h -> surveyOf(h));
    }

    private Optional<KioskSurvey> surveyOf(Handover h) {
        return intake.find(DossierId.of(h.getDossierId()))
                .filter(d -> ratings.accepts(d.id(), RatingChannel.KIOSK))
                .map(d -> new KioskSurvey(
                        h.getId(),
                        d.code(),
                        d.procedureName(),
                        questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE)));
    }

    /** The survey of the counter's shown handover while nobody has begun it (reads only; see {@link #surveyToShow}). */
    @Transactional(readOnly = true)
    public Optional<KioskSurvey> currentSurvey(UUID counterId) {
        Instant now = clock.instant();
        return handovers.findByCounterIdAndEndedAtIsNullAndWaitingFalse(counterId).stream()
                .filter(h -> h.activeAt(now) && !h.started())
                .findFirst()
                .flatMap(this::surveyOf);
    }

    /** The survey of a handover just signalled as shown at the counter, if it still is and nobody has begun it. */
    @Transactional(readOnly = true)
    public Optional<KioskSurvey> shownSurvey(UUID counterId, UUID handoverId) {
        Instant now = clock.instant();
        return handovers
                .findById(handoverId)
                .filter(h -> h.getCounterId().equals(counterId) && h.activeAt(now) && !h.waiting() && !h.started())
                .flatMap(this::surveyOf);
    }

    /**
     * The citizen answered for the first time: from now on the survey is in progress, and the next
     * handover at the counter waits for it.
     *
     * @return false when the handover is no longer shown (the officer's next handover came first)
     */
    @Retryable(predicate = HandoverRace.class, maxRetries = 8, delay = 25, multiplier = 2, jitter = 25, maxDelay = 1000)
    @Transactional
    public boolean begin(KioskDeviceInfo device, UUID handoverId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return handovers
                .findLockedById(handoverId)
                .filter(h -> h.getCounterId().equals(device.counterId()) && h.activeAt(now) && !h.waiting())
                .map(h -> {
                    h.start(now);
                    return true;
                })
                .orElse(false);
    }

    /**
     * The kiosk is done with a handover: sent, abandoned, or not the citizen's. It is used up (a
     * reload never brings it back), and the next waiting handover is shown.
     */
    @Retryable(predicate = HandoverRace.class, maxRetries = 8, delay = 25, multiplier = 2, jitter = 25, maxDelay = 1000)
    @Transactional
    public void finish(KioskDeviceInfo device, UUID handoverId, HandoverOutcome how) {
        endAtCounter(device.counterCode(), device.counterId(), handoverId, how);
    }

    private void endAtCounter(String counterCode, UUID counterId, UUID handoverId, HandoverOutcome how) {
        if (directory.lockCounter(counterCode).isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CounterQueue queue = queueOf(counterId);
        queue.open(handoverId).ifPresent(h -> queue.end(h, how, now).ifPresent(this::announce));
    }

    /** The survey as this device shows it: with the device's own template when it has one. */
    public KioskSurvey forDevice(KioskDeviceInfo device, KioskSurvey survey) {
        if (survey.questionnaire().key().equals(device.templateKey())) {
            return survey;
        }
        return new KioskSurvey(
                survey.handoverId(),
                survey.dossierCode(),
                survey.procedureName(),
                questionnaires.active(device.templateKey()));
    }

    /**
     * A survey of no dossier, for a device that takes unbound ratings (stored apart, never counted);
     * empty when the device refuses them.
     */
    public Optional<KioskSurvey> unboundSurvey(KioskDeviceInfo device) {
        return device.acceptsUnbound()
                ? Optional.of(new KioskSurvey(null, "", "", questionnaires.active(device.templateKey())))
                : Optional.empty();
    }

    /** Why a typed or scanned code cannot be rated at the kiosk. */
    public enum LookupProblem {
        UNKNOWN,
        ALREADY_RATED,
        /** Its result is not returned yet (see {@link KeypadRules#statuses}). */
        NOT_RETURNED,
        /** None of its units is this centre's or below it. */
        NOT_SERVED_HERE,
        /** Returned longer ago than {@link KeypadRules#returnedWithin}. */
        TOO_LATE
    }

    /** A survey for a typed or scanned code, or why there is none. */
    public record Lookup(
            @Nullable KioskSurvey survey, @Nullable LookupProblem problem) {}

    /**
     * The survey for a code the citizen typed on the keypad or held to the camera at this device: a
     * dossier code (the receipt's barcode) or the receipt's survey link (its QR code). Only dossiers
     * that may be rated here open (see {@link KeypadRules}).
     */
    @Transactional(readOnly = true)
    public Lookup lookUp(KioskDeviceInfo device, String typedOrScanned) {
        String text = typedOrScanned == null ? "" : typedOrScanned.strip();
        String code = text.toUpperCase(Locale.ROOT);
        int link = text.indexOf("/r/");
        if (link >= 0) {
            String token = text.substring(link + 3).replaceAll("[?#/].*$", "");
            ResolvedLink resolved = links.resolve(token);
            if (resolved.state() != LinkState.VALID) {
                return new Lookup(null, LookupProblem.UNKNOWN);
            }
            code = resolved.knownDossier().code();
        }
        if (code.isEmpty() || code.length() > 64) {
            return new Lookup(null, LookupProblem.UNKNOWN);
        }
        Optional<DossierDetails> found = intake.find(code);
        if (found.isEmpty()) {
            return new Lookup(null, LookupProblem.UNKNOWN);
        }
        DossierDetails d = found.get();
        if (!ratings.accepts(d.id(), RatingChannel.KIOSK)) {
            return new Lookup(null, LookupProblem.ALREADY_RATED);
        }
        Set<UUID> served = servedUnits(device);
        boolean servedHere = served.contains(d.receivingUnitId().value())
                || served.contains(d.competentUnitId().value())
                || served.contains(d.evaluatedUnitId().value());
        Optional<KeypadRules.Refusal> refusal = keypad.refusal(d.status(), d.returnedAt(), servedHere, clock.instant());
        if (refusal.isPresent()) {
            return new Lookup(null, LookupProblem.valueOf(refusal.get().name()));
        }
        return new Lookup(
                new KioskSurvey(
                        null,
                        d.code(),
                        d.procedureName(),
                        questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE)),
                null);
    }

    /** The units this device's service centre serves: its own unit and those below it. */
    private Set<UUID> servedUnits(KioskDeviceInfo device) {
        return directory
                .findCounter(device.counterId())
                .flatMap(c -> directory.ownerOfCentre(c.centreId()))
                .map(unit -> directory.subtreeOf(UnitId.of(unit.id())).stream()
                        .map(UnitId::value)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /**
     * What most codes typed here begin with: the centre's agency code and today's date
     * ("000.00.06.H56-261204-"), so the citizen types only the sequence number. Empty when the
     * centre has no unit.
     */
    @Transactional(readOnly = true)
    public Optional<String> todaysCodePrefix(KioskDeviceInfo device) {
        return directory
                .findCounter(device.counterId())
                .flatMap(c -> directory.ownerOfCentre(c.centreId()))
                // Machine-facing, not for reading: the yyMMdd of a dossier code, as the one-stop software writes it.
                .map(unit ->
                        unit.code() + "-" + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyMMdd")) + "-");
    }

    /**
     * Stores a rating sent by an enrolled kiosk (or answers its earlier result when resent with
     * the same key) and ends the handover it answered.
     *
     * @throws AccessDeniedException when the credential is not (or no longer) a device's, or a
     *         staff member's session is logged in on the tablet
     */
    public RatingOutcome submit(@Nullable String credential, KioskRating rating) {
        KioskDeviceInfo device = devices.authenticate(credential)
                .orElseThrow(() -> new DeviceNotEnrolledException(
                        "this browser is not an enrolled kiosk (or its enrolment was revoked)"));
        if (rating.handoverId() == null
                && (rating.dossierCode() == null || rating.dossierCode().isBlank())) {
            if (!device.acceptsUnbound()) {
                throw InvalidInputException.malformed(
                        "dossierCode",
                        "dossierCode is required: this kiosk takes ratings of a dossier "
                                + "only (handed over, typed or scanned)");
            }
            return unbound.store(device, rating, questionnaires.active(device.templateKey()));
        }
        Questionnaire questionnaire = questionnaires.active(device.templateKey());
        MobileNumber number = contact(rating, questionnaire);
        if (rating.abandoned() && !device.storesAbandoned()) {
            throw new ConflictException(
                    "abandoned", "this kiosk discards surveys left unsent (kiosk-config abandonedSurveys: discard)");
        }
        Instant now = clock.instant();
        Instant handedOverAt = rating.handoverId() == null
                ? null
                : handovers
                        .findById(rating.handoverId())
                        .filter(h -> h.getCounterId().equals(device.counterId()))
                        .map(Handover::getHandedOverAt)
                        .orElse(null);
        Set<AnomalyFlag> flags = anomalies.flags(
                now,
                clock.getZone(),
                handedOverAt,
                ratings.countOfDeviceSince(device.code(), now.minus(anomalies.burstWithin())),
                ratings.latestOverallOptionsOfDevice(device.code(), Math.max(1, anomalies.topStreak() - 1)),
                rating.answers() == null ? "" : String.valueOf(rating.answers().get("overall")));
        if (rating.abandoned()) {
            flags = abandoned(flags, rating, questionnaire);
        }
        if (rating.handoverId() == null && rating.entry() != null) {
            // How the code came in, for the integrity panel: typed codes are the easy way to rate a
            // dossier one knows the code of.
            Set<AnomalyFlag> all = EnumSet.noneOf(AnomalyFlag.class);
            all.addAll(flags);
            all.add(rating.entry() == KioskRating.Entry.SCANNED ? AnomalyFlag.SCANNED_CODE : AnomalyFlag.KEYED_CODE);
            flags = all;
        }
        RatingOutcome outcome = ratings.submit(
                new RatingSubmission(
                        rating.dossierCode(),
                        RatingChannel.KIOSK.name(),
                        rating.idempotencyKey(),
                        rating.answers(),
                        rating.reasons(),
                        rating.comment(),
                        device.code()),
                flags,
                device.templateKey());
        if (number != null) {
            // The same rule as the phone page: kept apart, only if the rating opened a case (a
            // resend writes the same row again), deleted when the case closes.
            followUps.keepContact(outcome.ratingId(), number);
        }
        if (rating.handoverId() != null) {
            // Usually the page has ended it already; this covers a page that went away meanwhile.
            UUID handoverId = rating.handoverId();
            HANDOVER_RACES.invoke(() -> transaction.execute(tx -> {
                endAtCounter(
                        device.counterCode(),
                        device.counterId(),
                        handoverId,
                        rating.abandoned() ? HandoverOutcome.ABANDONED : HandoverOutcome.SENT);
                return null;
            }));
        }
        return outcome;
    }

    /**
     * The number to call back, when consent was given with a valid one and the answers ask for a
     * reason (the kiosk offers the call-back only then, as the phone page does); {@code null} otherwise.
     *
     * @throws InvalidInputException naming {@code phone} or {@code contactConsent}, before anything is stored
     */
    static @Nullable MobileNumber contact(KioskRating rating, Questionnaire questionnaire) {
        if (rating.answers() == null || !questionnaire.reasonRequiredFor(rating.answers())) {
            return null;
        }
        boolean typed = rating.phone() != null && !rating.phone().isBlank();
        if (!rating.contactConsent()) {
            if (typed) {
                throw InvalidInputException.unprocessable(
                        "contactConsent", "consent is required to keep a phone number");
            }
            return null;
        }
        if (!typed) {
            throw InvalidInputException.unprocessable("phone", "required: a phone number to be called back on");
        }
        return MobileNumber.parse(Objects.requireNonNull(rating.phone())) // typed
                .orElseThrow(() -> InvalidInputException.malformed(
                        "phone", "not a Vietnamese mobile number (10 digits starting with 03, 05, 07, 08 or 09)"));
    }

    /** The flags of a survey left unsent: said so, and "reason not given" where its answer asked for one. */
    static Set<AnomalyFlag> abandoned(Set<AnomalyFlag> flags, KioskRating rating, Questionnaire questionnaire) {
        Set<AnomalyFlag> all = EnumSet.noneOf(AnomalyFlag.class);
        all.addAll(flags);
        all.add(AnomalyFlag.NOT_SENT_BY_CITIZEN);
        boolean noReason = (rating.reasons() == null || rating.reasons().isEmpty())
                && (rating.comment() == null || rating.comment().isBlank());
        if (rating.answers() != null && questionnaire.reasonRequiredFor(rating.answers()) && noReason) {
            all.add(AnomalyFlag.REASON_NOT_GIVEN);
        }
        return all;
    }

    /** The credential is not an enrolled device's. */
    public static class DeviceNotEnrolledException extends AccessDeniedException {
        public DeviceNotEnrolledException(String message) {
            super(message);
        }
    }
}
