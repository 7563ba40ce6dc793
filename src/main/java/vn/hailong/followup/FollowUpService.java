package vn.hailong.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;
import vn.hailong.security.ScopeService;

/**
 * Follow-up cases of "not satisfied" ratings. A case is opened for every counted rating whose
 * overall answer is "not satisfied", due a configurable number of working days later, for the
 * unit the rating counts for. The citizen's phone number, given only with consent, is kept apart
 * from the rating and deleted when the case closes.
 *
 * <p>Only managers of the responsible unit (or province-wide roles) handle cases; the screens,
 * e-mails and escalation come with the managers' issue.
 */
@Service
@EnableConfigurationProperties(FollowUpProperties.class)
public class FollowUpService {

    static final String NOT_SATISFIED = "DISSATISFIED";
    static final String SUPERSEDED_OUTCOME = "Đánh giá này đã được thay bằng đánh giá của người dân qua mã QR (superseded by the citizen's own rating).";
    private static final String HANDLERS = "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER')";

    private final FollowUpCases cases;
    private final FollowUpNotes notes;
    private final JdbcTemplate jdbc;
    private final ScopeService scope;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final int deadlineWorkingDays;

    FollowUpService(FollowUpCases cases, FollowUpNotes notes, JdbcTemplate jdbc, ScopeService scope, Clock clock,
            FollowUpProperties properties) {
        this.cases = cases;
        this.notes = notes;
        this.jdbc = jdbc;
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
        if (!NOT_SATISFIED.equals(submitted.overallOption()) || cases.findByRatingId(submitted.ratingId()).isPresent()) {
            return;
        }
        LocalDate openedOn = submitted.submittedAt().atZone(clock.getZone()).toLocalDate();
        cases.save(new FollowUpCase(submitted.ratingId(), submitted.dossierId(), submitted.evaluatedAgencyId(),
                submitted.submittedAt(), workingDays.after(openedOn, deadlineWorkingDays)));
    }

    /** A kiosk rating replaced by the citizen's own: its case (if any) closes, and its contact goes. */
    @EventListener
    void on(RatingSuperseded superseded) {
        cases.findByRatingId(superseded.supersededRatingId())
                .filter(c -> c.getStatus() != CaseStatus.CLOSED)
                .ifPresent(c -> {
                    c.close(SUPERSEDED_OUTCOME, clock.instant());
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
    public boolean keepContact(UUID ratingId, MobileNumber number) {
        Optional<FollowUpCase> found = cases.findByRatingId(ratingId).filter(c -> c.getStatus() != CaseStatus.CLOSED);
        if (found.isEmpty()) {
            return false;
        }
        // A resend of the same form writes the same row again.
        jdbc.update("""
                INSERT INTO follow_up_contact (case_id, phone, consented_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE phone = VALUES(phone)""",
                found.get().getId().toString(), number.national(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return true;
    }

    /** The case of a rating, if it opened one. */
    @Transactional(readOnly = true)
    @PreAuthorize(HANDLERS)
    public Optional<FollowUpCaseDetails> caseOfRating(UUID ratingId) {
        return cases.findByRatingId(ratingId).filter(c -> scope.currentScope().includes(c.getResponsibleUnitId())).map(this::details);
    }

    /** The cases of a unit not closed yet, earliest deadline first. */
    @Transactional(readOnly = true)
    @PreAuthorize(HANDLERS)
    public List<FollowUpCaseDetails> openCases(UUID unitId) {
        if (!scope.currentScope().includes(unitId)) {
            return List.of();
        }
        return cases.findByResponsibleUnitIdAndStatusNotOrderByDueOn(unitId, CaseStatus.CLOSED).stream().map(this::details).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(HANDLERS)
    public FollowUpCaseDetails find(UUID caseId) {
        return details(load(caseId));
    }

    /** The number the citizen left, for the officer who calls; read on its own, never with the rating. */
    @Transactional(readOnly = true)
    @PreAuthorize(HANDLERS)
    public Optional<String> contactNumber(UUID caseId) {
        FollowUpCase found = load(caseId);
        return jdbc.queryForList("SELECT phone FROM follow_up_contact WHERE case_id = ?", String.class, found.getId().toString())
                .stream().findFirst();
    }

    @Transactional
    @PreAuthorize(HANDLERS)
    public FollowUpCaseDetails addNote(UUID caseId, String text) {
        FollowUpCase found = load(caseId);
        note(found, text);
        return details(found);
    }

    /** The citizen was called; {@code note} says what was said (optional). */
    @Transactional
    @PreAuthorize(HANDLERS)
    public FollowUpCaseDetails markContacted(UUID caseId, String note) {
        FollowUpCase found = load(caseId);
        found.markContacted(clock.instant());
        if (note != null && !note.isBlank()) {
            note(found, note);
        }
        return details(cases.save(found));
    }

    @Transactional
    @PreAuthorize(HANDLERS)
    public FollowUpCaseDetails resolve(UUID caseId, String outcome) {
        FollowUpCase found = load(caseId);
        found.resolve(outcome, clock.instant());
        return details(cases.save(found));
    }

    /** Closes the case and deletes the citizen's number with it. */
    @Transactional
    @PreAuthorize(HANDLERS)
    public FollowUpCaseDetails close(UUID caseId, String outcome) {
        FollowUpCase found = load(caseId);
        found.close(outcome, clock.instant());
        cases.save(found);
        deleteContact(found.getId());
        return details(found);
    }

    private void deleteContact(UUID caseId) {
        jdbc.update("DELETE FROM follow_up_contact WHERE case_id = ?", caseId.toString());
    }

    private void note(FollowUpCase found, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.unprocessable("text", "a note needs a text");
        }
        if (text.strip().length() > FollowUpNote.TEXT_MAX_LENGTH) {
            throw InvalidInputException.malformed("text", "a note is longer than " + FollowUpNote.TEXT_MAX_LENGTH + " characters");
        }
        String author = scope.currentAccount().map(a -> a.username()).orElse("?");
        notes.save(new FollowUpNote(found.getId(), clock.instant(), author, text.strip()));
    }

    /** A case the current user may handle; others are "not found", so their existence is not told. */
    private FollowUpCase load(UUID caseId) {
        return cases.findById(caseId)
                .filter(c -> scope.currentScope().includes(c.getResponsibleUnitId()))
                .orElseThrow(() -> new NotFoundException("no follow-up case " + caseId));
    }

    private FollowUpCaseDetails details(FollowUpCase c) {
        boolean contact = Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM follow_up_contact WHERE case_id = ?",
                Boolean.class, c.getId().toString()));
        List<FollowUpCaseDetails.Note> caseNotes = notes.findByCaseIdOrderByWrittenAt(c.getId()).stream()
                .map(n -> new FollowUpCaseDetails.Note(n.getWrittenAt(), n.getAuthor(), n.getText())).toList();
        return new FollowUpCaseDetails(c.getId(), c.getRatingId(), c.getDossierId(), c.getResponsibleUnitId(), c.getStatus(),
                c.getOpenedAt(), c.getDueOn(), c.getContactedAt(), c.getResolvedAt(), c.getClosedAt(), c.getOutcome(), contact,
                caseNotes);
    }

}
