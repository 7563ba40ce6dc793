package vn.hailong.followup;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.notification.ComposedMail;
import vn.hailong.notification.MailComposer;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.Formats;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

/**
 * The e-mails about follow-up cases, composed when they are sent, as the case then stands: a new
 * case to the unit's managers (and those of the units above), an overdue case (past its deadline,
 * neither resolved nor closed) to the province managers. A case closed or resolved meanwhile is
 * not mailed.
 */
@Component
class FollowUpMailComposer implements MailComposer {

    private final JdbcTemplate jdbc;
    private final ManagerContacts contacts;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final MailOutbox outbox;
    private final Formats formats;

    FollowUpMailComposer(
            JdbcTemplate jdbc,
            ManagerContacts contacts,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            MailOutbox outbox,
            Formats formats) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.outbox = outbox;
        this.formats = formats;
    }

    @Override
    public Set<MailOutbox.Kind> kinds() {
        return Set.of(MailOutbox.Kind.NEW_CASE, MailOutbox.Kind.ESCALATION);
    }

    /** The e-mail of a case as it stands now. */
    @Override
    public ComposedMail compose(UUID caseId, MailOutbox.Kind kind) {
        record Case(UUID ratingId, UUID dossierId, UUID unitId, CaseStatus status, LocalDate dueOn) {}
        Case c = jdbc.queryForObject(
                "SELECT rating_id, dossier_id, responsible_unit_id, status, due_on FROM follow_up_case WHERE id = ?",
                (rs, i) -> new Case(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        CaseStatus.valueOf(rs.getString(4)),
                        rs.getDate(5).toLocalDate()),
                caseId.toString());
        DossierId dossierId = DossierId.of(c.dossierId());
        String code = intake.codesOf(List.of(dossierId)).getOrDefault(dossierId, "?");
        String unit = directory
                .findUnit(UnitId.of(c.unitId()))
                .map(AgencySummary::name)
                .orElse("?");
        String link = outbox.link("/theo-doi/" + caseId);
        String due = formats.day(c.dueOn());
        if (kind == MailOutbox.Kind.NEW_CASE) {
            if (c.status() == CaseStatus.CLOSED) {
                // Closed before its mail went out (its rating was excluded or superseded): nothing to follow up.
                return ComposedMail.skip("the case was closed before its e-mail was sent");
            }
            List<String> to = emails(contacts.unitManagersOf(c.unitId()));
            if (to.isEmpty()) {
                return ComposedMail.skip("no unit manager of the unit has an e-mail address");
            }
            // The mail is Vietnamese with an English summary, whatever the language of a page.
            String subject = Words.of("followup.mail.newCase.subject", Words.VI, code);
            String text =
                    Words.of("followup.mail.newCase.text", Words.VI, code, unit, reasons(c.ratingId()), due, link);
            return ComposedMail.of(to, subject, text);
        }
        if (c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED) {
            return ComposedMail.skip("the case was " + c.status() + " before the escalation was sent");
        }
        List<String> to = emails(contacts.withRole(Role.PROVINCE_MANAGER));
        if (to.isEmpty()) {
            return ComposedMail.skip("no province manager has an e-mail address");
        }
        String subject = Words.of("followup.mail.escalation.subject", Words.VI, code, unit);
        String text = Words.of(
                "followup.mail.escalation.text",
                Words.VI,
                code,
                unit,
                due,
                c.status().label(),
                link);
        return ComposedMail.of(to, subject, text);
    }

    private String reasons(UUID ratingId) {
        Map<String, String> labels = new HashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .reasons()
                .forEach(r -> labels.put(r.code(), r.label().vi()));
        List<String> named = ratings.facts(RatingId.of(ratingId)).map(RatingFacts::reasons).orElse(Set.of()).stream()
                .map(code -> labels.getOrDefault(code, code))
                .sorted()
                .toList();
        return named.isEmpty() ? Words.of("followup.mail.noReasons", Words.VI) : String.join("; ", named);
    }

    private static List<String> emails(List<ManagerContacts.Contact> people) {
        return people.stream()
                .map(ManagerContacts.Contact::email)
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
    }
}
