package vn.hailong.paperform;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccessScope;
import vn.hailong.security.AccountService;
import vn.hailong.security.ScopeService;

/**
 * Keys paper forms in. The rating goes through {@link RatingService} like every channel's (one
 * counted per dossier, the questionnaire's rules, idempotent), with the form's serial as its
 * idempotency key: a form keyed twice, by a double click or by two clerks, is one rating.
 * <p>
 * The rating is stored first, then the form's row. A failure between the two (a node killed)
 * leaves a rating without its row; keying the same form again answers with the stored rating
 * (the same serial and answers replay) and writes the row then.
 */
@Service
@EnableConfigurationProperties(PaperFormProperties.class)
public class PaperFormService {

    /** A form's printed serial: letters, digits, dot, dash, underscore (stored in capitals). */
    static final Pattern SERIAL = Pattern.compile("[A-Z0-9._-]{1,40}");

    private static final String IDEMPOTENCY_PREFIX = "paper-form:";

    private final PaperForms forms;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final DossierIntakeService dossiers;
    private final ScopeService scopes;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Formats formats;
    private final TransactionTemplate transaction;
    private final PaperFormProperties properties;
    private final RandomGenerator draw = new SecureRandom();

    PaperFormService(
            PaperForms forms,
            RatingService ratings,
            QuestionnaireService questionnaires,
            DossierIntakeService dossiers,
            ScopeService scopes,
            AccountService accounts,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            PaperFormProperties properties,
            Formats formats) {
        this.forms = forms;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.dossiers = dossiers;
        this.scopes = scopes;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.formats = formats;
    }

    /** What a clerk keys from one form. {@code answers} maps criterion keys to option keys, as the API's rating does. */
    public record PaperFormEntry(
            String serial, String dossierCode, Map<String, String> answers, List<String> reasons, String comment) {}

    /** A keyed form: its rating, and whether it was drawn for a second keying. */
    public record KeyedForm(String serial, String dossierCode, UUID ratingId, boolean secondKeyingDue) {}

    /** A form waiting for its blind second keying: only the serial is shown, never the first keying's answers. */
    public record AwaitingCheck(String serial, Instant keyedAt) {}

    /** The outcome of a second keying: the fields where the two keyings differ (empty: they match). */
    public record CheckResult(String serial, boolean matches, List<String> mismatchedFields) {}

    /** A form whose two keyings differed: for a supervisor to compare with the paper. */
    public record Mismatch(
            String serial,
            String dossierCode,
            String keyedBy,
            String secondKeyedBy,
            Instant secondKeyedAt,
            List<String> fields) {}

    /** The figures of the integrity panel. */
    public record Integrity(long keyed, long awaitingCheck, long checked, long mismatched, List<Mismatch> mismatches) {}

    /** The questionnaire a form carries (the active default template): the page draws its questions from it. */
    public Questionnaire questionnaire() {
        return questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE);
    }

    /**
     * Keys a form in.
     *
     * @throws InvalidInputException naming every bad field (nothing stored)
     * @throws ConflictException when the serial was keyed already, or the dossier has its rating
     */
    @PreAuthorize(Roles.IS_DATA_ENTRY)
    public KeyedForm keyIn(PaperFormEntry entry) {
        String clerk = currentUser();
        FieldErrors errors = new FieldErrors();
        String checkedSerial = checkedSerial(entry.serial(), errors);
        DossierDetails checkedDossier = checkedDossier(entry.dossierCode(), clerk, errors);
        errors.throwIfAny();
        // Past throwIfAny both are there (a missing one is an error).
        String serial = Objects.requireNonNull(checkedSerial);
        DossierDetails dossier = Objects.requireNonNull(checkedDossier);
        Optional<PaperForm> keyed = forms.findBySerial(serial);
        if (keyed.isPresent()) {
            throw alreadyKeyed(keyed.get());
        }
        RatingOutcome outcome;
        try {
            outcome = ratings.submit(new RatingSubmission(
                    dossier.code(),
                    RatingChannel.PAPER.name(),
                    IDEMPOTENCY_PREFIX + serial,
                    entry.answers(),
                    entry.reasons(),
                    entry.comment(),
                    null));
        } catch (ConflictException e) {
            if ("idempotencyKey".equals(e.field())) {
                throw new ConflictException(
                        "serial", Words.of("paperform.error.keyedWithOtherAnswers", Words.VI, serial));
            }
            throw e;
        }
        boolean secondKeying = draw.nextDouble() < properties.secondKeyingShare();
        try {
            transaction.executeWithoutResult(tx -> {
                forms.saveAndFlush(new PaperForm(
                        serial,
                        dossier.id().value(),
                        dossier.evaluatedUnitId().value(),
                        outcome.ratingId().value(),
                        clerk,
                        clock.instant(),
                        secondKeying));
                events.publishEvent(AuditEvent.of(
                        AuditAction.PAPER_FORM_KEYED,
                        "paper-form:" + serial,
                        "dossier " + dossier.code() + ", rating " + outcome.ratingId()
                                + (secondKeying ? ", drawn for second keying" : "")));
            });
        } catch (DataIntegrityViolationException e) {
            // Two clerks keyed the same form at once: one rating (the serial is its key), one row.
            throw forms.findBySerial(serial).map(this::alreadyKeyed).orElseThrow(() -> e);
        }
        return new KeyedForm(serial, dossier.code(), outcome.ratingId().value(), secondKeying);
    }

    /** Forms waiting for a second keying that the current clerk may do (not their own, in their units). */
    @PreAuthorize(Roles.IS_DATA_ENTRY)
    public List<AwaitingCheck> awaitingSecondKeying() {
        String clerk = currentUser();
        AccessScope scope = scopes.currentScope();
        return forms.awaitingSecondKeying().stream()
                .filter(f -> !f.getKeyedBy().equals(clerk) && scope.includes(UnitId.of(f.getUnitId())))
                .map(f -> new AwaitingCheck(f.getSerial(), f.getKeyedAt()))
                .toList();
    }

    /**
     * Keys a drawn form a second time, without seeing the first keying, and records whether the two
     * agree. A mismatch does not change the rating: a supervisor compares the paper (moderation can
     * then exclude a wrongly keyed rating).
     */
    @PreAuthorize(Roles.IS_DATA_ENTRY)
    public CheckResult keySecond(PaperFormEntry entry) {
        String clerk = currentUser();
        FieldErrors errors = new FieldErrors();
        String checkedSerial = checkedSerial(entry.serial(), errors);
        errors.throwIfAny();
        String serial = Objects.requireNonNull(checkedSerial); // past throwIfAny it is there
        return transaction.execute(tx -> {
            PaperForm form = forms.findBySerial(serial)
                    .orElseThrow(() -> new NotFoundException(Words.of("paperform.error.noSuchForm", Words.VI, serial)));
            if (!form.isSecondKeyingDue()) {
                throw InvalidInputException.unprocessable(
                        "serial", Words.of("paperform.error.notDrawn", Words.VI, serial));
            }
            if (form.isSecondKeyed()) {
                throw new ConflictException("serial", Words.of("paperform.error.alreadyChecked", Words.VI, serial));
            }
            if (form.getKeyedBy().equals(clerk)) {
                throw InvalidInputException.unprocessable("serial", Words.of("paperform.error.sameClerk", Words.VI));
            }
            if (!scopes.currentScope().includes(UnitId.of(form.getUnitId()))) {
                throw new NotFoundException(Words.of("paperform.error.noSuchForm", Words.VI, serial));
            }
            RatingFacts rating = ratings.facts(RatingId.of(form.getRatingId())).orElseThrow();
            DossierDetails dossier =
                    dossiers.find(DossierId.of(form.getDossierId())).orElseThrow();
            checkNotHandledBy(dossier, clerk, errors);
            errors.throwIfAny();
            List<String> differences = differences(entry, dossier.code(), rating);
            form.recordSecondKeying(clerk, clock.instant(), String.join(",", differences));
            forms.saveAndFlush(form);
            events.publishEvent(AuditEvent.of(
                    AuditAction.PAPER_FORM_CHECKED,
                    "paper-form:" + serial,
                    differences.isEmpty()
                            ? "second keying matches"
                            : "second keying differs in " + String.join(", ", differences)));
            return new CheckResult(serial, differences.isEmpty(), differences);
        });
    }

    /** Keyed forms, checks and mismatches in the current manager's units. */
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public Integrity integrity() {
        return integrity(scopes.currentScope());
    }

    /** Keyed forms, checks and mismatches in these units (the dashboard's integrity panel). */
    public Integrity integrity(AccessScope scope) {
        if (!scope.allUnits() && scope.unitIds().isEmpty()) {
            return new Integrity(0, 0, 0, 0, List.of());
        }
        PaperForms.Counts counts = scope.allUnits() ? forms.counts() : forms.countsIn(raw(scope.unitIds()));
        List<PaperForm> latest =
                scope.allUnits() ? forms.latestMismatches() : forms.latestMismatchesIn(raw(scope.unitIds()));
        List<Mismatch> shown = new ArrayList<>();
        for (PaperForm f : latest) {
            String code = dossiers.find(DossierId.of(f.getDossierId()))
                    .map(DossierDetails::code)
                    .orElse("?");
            shown.add(new Mismatch(
                    f.getSerial(),
                    code,
                    f.getKeyedBy(),
                    // A mismatch was found by a second keying: it has its keyer, time and fields.
                    Objects.requireNonNull(f.getSecondKeyedBy()),
                    Objects.requireNonNull(f.getSecondKeyedAt()),
                    List.of(Objects.requireNonNull(f.getMismatchedFields()).split(","))));
        }
        return new Integrity(counts.keyed(), counts.awaitingCheck(), counts.checked(), counts.mismatched(), shown);
    }

    private static List<String> differences(PaperFormEntry entry, String dossierCode, RatingFacts rating) {
        List<String> fields = new ArrayList<>();
        if (entry.dossierCode() == null
                || !dossierCode.equalsIgnoreCase(entry.dossierCode().strip())) {
            fields.add("dossierCode");
        }
        Map<String, String> keyed = entry.answers() == null ? Map.of() : entry.answers();
        Set<String> criteria = new TreeSet<>(rating.options().keySet());
        criteria.addAll(keyed.keySet());
        for (String criterion : criteria) {
            if (!Objects.equals(
                    blankToNull(keyed.get(criterion)), rating.options().get(criterion))) {
                fields.add("answers." + criterion);
            }
        }
        Set<String> reasons = entry.reasons() == null ? Set.of() : new HashSet<>(entry.reasons());
        if (!reasons.equals(rating.reasons() == null ? Set.of() : rating.reasons())) {
            fields.add("reasons");
        }
        if (!Objects.equals(normalised(entry.comment()), normalised(rating.comment()))) {
            fields.add("comment");
        }
        return fields;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Comments compare without case and runs of white space: a second typist's line breaks are not a mismatch. */
    private static @Nullable String normalised(@Nullable String comment) {
        return comment == null || comment.isBlank()
                ? null
                : comment.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static @Nullable String checkedSerial(@Nullable String raw, FieldErrors errors) {
        String serial = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (serial.isEmpty()) {
            errors.malformed("serial", Words.of("paperform.error.serialRequired", Words.VI));
            return null;
        }
        if (!SERIAL.matcher(serial).matches()) {
            errors.malformed("serial", Words.of("paperform.error.serialMalformed", Words.VI));
            return null;
        }
        return serial;
    }

    private @Nullable DossierDetails checkedDossier(@Nullable String rawCode, String clerk, FieldErrors errors) {
        String code = rawCode == null ? "" : rawCode.strip();
        if (code.isEmpty()) {
            errors.malformed("dossierCode", Words.of("paperform.error.dossierRequired", Words.VI));
            return null;
        }
        Optional<DossierDetails> found = dossiers.find(code);
        if (found.isEmpty() || !scopes.currentScope().includes(found.get().evaluatedUnitId())) {
            errors.unprocessable("dossierCode", Words.of("paperform.error.noSuchDossier", Words.VI, code));
            return null;
        }
        checkNotHandledBy(found.get(), clerk, errors);
        return found.get();
    }

    private void checkNotHandledBy(DossierDetails dossier, String clerk, FieldErrors errors) {
        Optional<String> officerId = accounts.oneStopOfficerId(clerk);
        if (officerId.isPresent()
                && dossier.officers().stream().anyMatch(o -> officerId.get().equals(o.id()))) {
            errors.unprocessable("dossierCode", Words.of("paperform.error.ownDossier", Words.VI));
        }
    }

    private ConflictException alreadyKeyed(PaperForm form) {
        String at = formats.hourThenFullDay(form.getKeyedAt());
        return new ConflictException(
                "serial", Words.of("paperform.error.alreadyKeyed", Words.VI, form.getSerial(), at));
    }

    private static String currentUser() {
        // Every caller is a @PreAuthorize'd method: a user is logged in.
        return Objects.requireNonNull(SecurityContextHolder.getContext().getAuthentication())
                .getName();
    }

    private static List<UUID> raw(Collection<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }
}
