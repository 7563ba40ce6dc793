package vn.hailong.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.moderation.DisputeKind;
import vn.hailong.moderation.ModerationDecided;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;
import vn.hailong.security.AccessScope;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;
import vn.hailong.security.ScopeService;

/**
 * Follow-up cases of "not satisfied" ratings. A case is opened for every counted rating whose
 * overall answer is "not satisfied", due a configurable number of working days later, for the
 * unit the rating counts for. The citizen's phone number, given only with consent, is kept apart
 * from the rating and deleted when the case closes.
 *
 * <p>Who sees what: managers of the responsible unit and province-wide roles (admin, province
 * manager) handle cases; the auditor reads them. The citizen's number is shown to the <em>case
 * owner</em> only: the unit managers responsible for the case's unit (their unit or a unit above
 * it, see {@link ManagerContacts#unitManagersOf}). Everyone else in scope sees that a number was
 * left, never the number.
 */
@Service
@EnableConfigurationProperties(FollowUpProperties.class)
public class FollowUpService {

    static final String NOT_SATISFIED = "DISSATISFIED";
    /** The outcome of a case closed because the citizen's own rating superseded its rating. */
    static final String SUPERSEDED_OUTCOME = Words.of("followup.note.superseded", Words.VI);
    /** The author of notes the application writes itself. */
    static final String SYSTEM_AUTHOR = Words.of("followup.note.systemAuthor", Words.VI);

    static final int LIST_LIMIT = 500;

    private final FollowUpCases cases;
    private final FollowUpNotes notes;
    private final FollowUpStore store;
    private final ScopeService scope;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final int deadlineWorkingDays;
    private final ManagerContacts contacts;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final ApplicationEventPublisher events;
    private final MailOutbox outbox;

    FollowUpService(
            FollowUpCases cases,
            FollowUpNotes notes,
            FollowUpStore store,
            ScopeService scope,
            Clock clock,
            FollowUpProperties properties,
            ManagerContacts contacts,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            ApplicationEventPublisher events,
            MailOutbox outbox) {
        this.events = events;
        this.outbox = outbox;
        this.contacts = contacts;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.cases = cases;
        this.notes = notes;
        this.store = store;
        this.scope = scope;
        this.clock = clock;
        this.workingDays = new WorkingDays(new HashSet<>(properties.holidays()));
        this.deadlineWorkingDays = properties.deadlineWorkingDays();
    }

    /**
     * Opens the case in the transaction that stores the rating: a stored "not satisfied" rating
     * always has its case, and a rating rolled back leaves none (no event store is needed).
     */
    @EventListener
    void on(RatingSubmitted submitted) {
        if (!NOT_SATISFIED.equals(submitted.overallOption())
                || cases.findByRatingId(submitted.ratingId().value()).isPresent()) {
            return;
        }
        LocalDate openedOn = submitted.submittedAt().atZone(clock.getZone()).toLocalDate();
        FollowUpCase opened = cases.saveAndFlush(new FollowUpCase(
                submitted.ratingId().value(),
                submitted.dossierId().value(),
                submitted.evaluatedAgencyId().value(),
                submitted.submittedAt(),
                workingDays.after(openedOn, deadlineWorkingDays)));
        // The e-mail to the unit's managers is queued in the same transaction (never lost, and a
        // mail server that is down cannot fail the rating), composed when sent (FollowUpMailComposer).
        outbox.queueToCompose(opened.getId(), MailOutbox.Kind.NEW_CASE);
        events.publishEvent(new FollowUpOpened(
                opened.getId(),
                submitted.ratingId(),
                submitted.dossierId(),
                submitted.evaluatedAgencyId(),
                submitted.submittedAt(),
                opened.getDueOn()));
    }

    /** A kiosk rating replaced by the citizen's own: its case (if any) closes, and its contact goes. */
    @EventListener
    void on(RatingSuperseded superseded) {
        cases.findByRatingId(superseded.supersededRatingId().value())
                .filter(c -> c.getStatus() != CaseStatus.CLOSED)
                .ifPresent(c -> {
                    c.close(SUPERSEDED_OUTCOME, clock.instant());
                    cases.save(c);
                    deleteContact(c.getId());
                });
    }

    /**
     * A rating excluded by moderation (a second person upheld a dispute to exclude it) no longer
     * counts, so its case closes, in the decision's transaction: the decision never stands with the
     * case still open. The note and the outcome name the dispute; the citizen's number is deleted
     * as on any close. A resolved case keeps the outcome its managers wrote; the note says why it
     * closed. Closes are not audited (none are); the decision itself is, by moderation.
     *
     * <p>A later reversal (a RESTORE dispute upheld, the rating counts again) does <em>not</em>
     * reopen the case: CLOSED is final, the number is gone, and whether to call the citizen again
     * is for the unit's managers to decide, not for a status change.
     */
    @EventListener
    void on(ModerationDecided decided) {
        if (!decided.upheld() || decided.kind() != DisputeKind.EXCLUDE) {
            return;
        }
        cases.findByRatingId(decided.ratingId().value())
                .filter(c -> c.getStatus() != CaseStatus.CLOSED)
                .ifPresent(c -> {
                    // The outcome of a case closed because moderation excluded its rating: the dispute, its reason, who
                    // decided.
                    String why = Words.of(
                            "followup.note.excluded",
                            Words.VI,
                            String.valueOf(decided.disputeId()),
                            decided.reason().label(),
                            decided.decidedBy());
                    notes.save(new FollowUpNote(c.getId(), decided.decidedAt(), SYSTEM_AUTHOR, why));
                    c.close(c.getStatus() == CaseStatus.RESOLVED ? null : why, decided.decidedAt());
                    cases.save(c);
                    deleteContact(c.getId());
                });
    }

    /**
     * Keeps the number the citizen left, with consent, to be called about this rating, but only
     * when the rating opened a case (data minimisation: no case, nothing stored).
     *
     * @return whether the number was kept
     */
    @Transactional
    public boolean keepContact(RatingId ratingId, MobileNumber number) {
        Optional<FollowUpCase> found =
                cases.findByRatingId(ratingId.value()).filter(c -> c.getStatus() != CaseStatus.CLOSED);
        if (found.isEmpty()) {
            return false;
        }
        store.keepContact(found.get().getId(), number.national(), clock.instant());
        return true;
    }

    /** The case of a rating, if it opened one. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public Optional<FollowUpCaseDetails> caseOfRating(RatingId ratingId) {
        return cases.findByRatingId(ratingId.value())
                .filter(c -> scope.currentScope().includes(UnitId.of(c.getResponsibleUnitId())))
                .map(this::details);
    }

    /** The cases of a unit not closed yet, earliest deadline first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public List<FollowUpCaseDetails> openCases(UUID unitId) {
        if (!scope.currentScope().includes(UnitId.of(unitId))) {
            return List.of();
        }
        return cases.findByResponsibleUnitIdAndStatusNotOrderByDueOn(unitId, CaseStatus.CLOSED).stream()
                .map(this::details)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public FollowUpCaseDetails find(UUID caseId) {
        return details(load(caseId));
    }

    /**
     * The number the citizen left, for the case owner who calls; read on its own, never with the
     * rating.
     *
     * @throws AccessDeniedException for anyone but the case owner (see the class comment)
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_UNIT_MANAGER)
    public Optional<String> contactNumber(UUID caseId) {
        FollowUpCase found = load(caseId);
        if (!isOwner(found)) {
            throw new AccessDeniedException("only the managers of the responsible unit see the citizen's number");
        }
        return store.contactNumber(found.getId());
    }

    @Transactional
    @PreAuthorize(Roles.MANAGERS)
    public FollowUpCaseDetails addNote(UUID caseId, String text) {
        FollowUpCase found = load(caseId);
        note(found, text);
        return details(found);
    }

    /** The citizen was called; {@code note} says what was said (optional). */
    @Transactional
    @PreAuthorize(Roles.MANAGERS)
    public FollowUpCaseDetails markContacted(UUID caseId, String note) {
        FollowUpCase found = load(caseId);
        found.markContacted(clock.instant());
        if (note != null && !note.isBlank()) {
            note(found, note);
        }
        return details(cases.save(found));
    }

    @Transactional
    @PreAuthorize(Roles.MANAGERS)
    public FollowUpCaseDetails resolve(UUID caseId, String outcome) {
        FollowUpCase found = load(caseId);
        found.resolve(outcome, clock.instant());
        return details(cases.save(found));
    }

    /** Closes the case and deletes the citizen's number with it. */
    @Transactional
    @PreAuthorize(Roles.MANAGERS)
    public FollowUpCaseDetails close(UUID caseId, String outcome) {
        FollowUpCase found = load(caseId);
        found.close(outcome, clock.instant());
        cases.save(found);
        deleteContact(found.getId());
        return details(found);
    }

    /** How the list of cases is narrowed and ordered. */
    public record CaseFilter(
            @Nullable CaseStatus status,
            boolean overdueOnly,
            @Nullable UUID unitId,
            Order order) {

        public enum Order {
            /** Overdue first, then the earliest deadline; closed cases last. */
            MOST_URGENT,
            /** The latest opened first. */
            NEWEST
        }

        public static CaseFilter all() {
            return new CaseFilter(null, false, null, Order.MOST_URGENT);
        }
    }

    /** A case in a list. */
    public record CaseRow(
            UUID id,
            UUID ratingId,
            String dossierCode,
            UUID unitId,
            String unitName,
            CaseStatus status,
            Instant openedAt,
            LocalDate dueOn,
            boolean overdue,
            boolean contactAvailable) {}

    /**
     * A case with its rating, for the case page.
     *
     * @param reasons the rating's reasons with their labels
     * @param contactOwner whether the current user is the case owner, who may read the number
     * @param mayHandle whether the current user may add notes and move the case on
     */
    public record CasePage(
            FollowUpCaseDetails details,
            String dossierCode,
            String unitName,
            RatingFacts rating,
            List<String> reasons,
            boolean overdue,
            boolean contactOwner,
            boolean mayHandle) {}

    /** A unit that has cases, for the filter. */
    public record UnitOption(UUID id, String name) {}

    /**
     * The cases of the current user's scope, at most {@value #LIST_LIMIT}. A unit outside the scope
     * gives an empty list.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public List<CaseRow> cases(CaseFilter filter) {
        AccessScope visible = scope.currentScope();
        if (filter.unitId() != null && !visible.includes(UnitId.of(filter.unitId()))) {
            return List.of();
        }
        if (!visible.allUnits() && visible.unitIds().isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<FollowUpStore.CaseListRow> raw = store.cases(
                visible.allUnits()
                        ? null
                        : visible.unitIds().stream().map(UnitId::value).toList(),
                filter,
                today,
                LIST_LIMIT);
        Map<DossierId, String> codes = intake.codesOf(raw.stream()
                .map(FollowUpStore.CaseListRow::dossierId)
                .distinct()
                .map(DossierId::of)
                .toList());
        Map<UUID, String> names = new HashMap<>();
        return raw.stream()
                .map(r -> new CaseRow(
                        r.id(),
                        r.ratingId(),
                        // dossier_id is a foreign key, and dossiers are never deleted.
                        Objects.requireNonNull(codes.get(DossierId.of(r.dossierId()))),
                        r.unitId(),
                        names.computeIfAbsent(r.unitId(), this::unitName),
                        r.status(),
                        r.openedAt(),
                        r.dueOn(),
                        overdue(r.status(), r.dueOn(), today),
                        r.contact()))
                .toList();
    }

    /** The units of the current user's scope that have cases, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public List<UnitOption> unitsWithCases() {
        AccessScope visible = scope.currentScope();
        return store.unitsWithCases().stream()
                .filter(u -> visible.includes(UnitId.of(u)))
                .map(u -> new UnitOption(u, unitName(u)))
                .sorted(Comparator.comparing(UnitOption::name))
                .toList();
    }

    /** A case with its rating (overall answer, reasons, comment) and what the current user may do. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public CasePage casePage(UUID caseId) {
        FollowUpCase found = load(caseId);
        RatingFacts rating = ratings.facts(RatingId.of(found.getRatingId())).orElseThrow();
        Map<String, String> labels = new HashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .reasons()
                .forEach(r -> labels.put(r.code(), r.label().vi()));
        List<String> reasons = rating.reasons().stream()
                .map(code -> labels.getOrDefault(code, code))
                .toList();
        Role role = scope.currentAccount().map(AccountService.Account::role).orElse(null);
        boolean mayHandle = role == Role.ADMIN || role == Role.PROVINCE_MANAGER || role == Role.UNIT_MANAGER;
        return new CasePage(
                details(found),
                Objects.requireNonNull(intake.codesOf(List.of(DossierId.of(found.getDossierId())))
                        .get(DossierId.of(found.getDossierId()))),
                unitName(found.getResponsibleUnitId()),
                rating,
                reasons,
                overdue(found.getStatus(), found.getDueOn(), today()),
                isOwner(found),
                mayHandle && found.getStatus() != CaseStatus.CLOSED);
    }

    /** Past its deadline (the due day itself still counts as in time) and not yet resolved or closed. */
    static boolean overdue(CaseStatus status, LocalDate dueOn, LocalDate today) {
        return (status == CaseStatus.OPEN || status == CaseStatus.CONTACTED) && dueOn.isBefore(today);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private boolean isOwner(FollowUpCase c) {
        return scope.currentAccount()
                .filter(a -> a.role() == Role.UNIT_MANAGER && a.enabled())
                .map(a -> contacts.isUnitManagerOf(a.username(), c.getResponsibleUnitId()))
                .orElse(false);
    }

    private String unitName(UUID unitId) {
        return directory.findUnit(UnitId.of(unitId)).map(AgencySummary::name).orElse("?");
    }

    private void deleteContact(UUID caseId) {
        store.deleteContact(caseId);
    }

    private void note(FollowUpCase found, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.unprocessable("text", "a note needs a text");
        }
        if (text.strip().length() > FollowUpNote.TEXT_MAX_LENGTH) {
            throw InvalidInputException.malformed(
                    "text", "a note is longer than " + FollowUpNote.TEXT_MAX_LENGTH + " characters");
        }
        String author = scope.currentAccount().map(a -> a.username()).orElse("?");
        notes.save(new FollowUpNote(found.getId(), clock.instant(), author, text.strip()));
    }

    /** A case the current user may handle; others are "not found", so their existence is not told. */
    private FollowUpCase load(UUID caseId) {
        return cases.findById(caseId)
                .filter(c -> scope.currentScope().includes(UnitId.of(c.getResponsibleUnitId())))
                .orElseThrow(() -> new NotFoundException("no follow-up case " + caseId));
    }

    private FollowUpCaseDetails details(FollowUpCase c) {
        boolean contact = store.hasContact(c.getId());
        List<FollowUpCaseDetails.Note> caseNotes = notes.findByCaseIdOrderByWrittenAt(c.getId()).stream()
                .map(n -> new FollowUpCaseDetails.Note(n.getWrittenAt(), n.getAuthor(), n.getText()))
                .toList();
        return new FollowUpCaseDetails(
                c.getId(),
                c.getRatingId(),
                c.getDossierId(),
                c.getResponsibleUnitId(),
                c.getStatus(),
                c.getOpenedAt(),
                c.getDueOn(),
                c.getContactedAt(),
                c.getResolvedAt(),
                c.getClosedAt(),
                c.getOutcome(),
                contact,
                caseNotes);
    }
}
