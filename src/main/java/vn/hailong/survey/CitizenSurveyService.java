package vn.hailong.survey;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.hailong.followup.FollowUpService;
import vn.hailong.followup.MobileNumber;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.rating.RatingSubmissionPolicy;
import vn.hailong.receipt.LinkState;
import vn.hailong.receipt.ResolvedLink;
import vn.hailong.receipt.SurveyLinkService;

/** Opens a survey from its link and submits the citizen's answers as a QR-channel rating. */
@Service
public class CitizenSurveyService {

    private final SurveyLinkService links;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final FollowUpService followUps;
    private final SurveyDrafts drafts;
    private final Clock clock;

    CitizenSurveyService(
            SurveyLinkService links,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            FollowUpService followUps,
            SurveyDrafts drafts,
            Clock clock) {
        this.followUps = followUps;
        this.drafts = drafts;
        this.links = links;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** What the link shows now: the survey of its dossier, or why it cannot be rated. */
    public SurveyPage open(String token) {
        if (staffSession()) {
            return SurveyPage.closed(SurveyPage.State.STAFF);
        }
        ResolvedLink link = links.resolve(token);
        if (link.state() == LinkState.UNKNOWN) {
            // The same look-ups as for a real link, so that the answer time does not tell a
            // prober whether a token exists.
            DossierId nobody = DossierId.of(UUID.randomUUID());
            intake.find(nobody);
            ratings.accepts(nobody, RatingChannel.QR);
            return SurveyPage.closed(SurveyPage.State.UNKNOWN);
        }
        if (!ratings.accepts(link.knownDossier().id(), RatingChannel.QR)) {
            return SurveyPage.closed(SurveyPage.State.ALREADY_RATED);
        }
        if (link.state() == LinkState.EXPIRED) {
            return SurveyPage.closed(SurveyPage.State.EXPIRED);
        }
        DossierDetails dossier = link.knownDossier();
        return new SurveyPage(
                SurveyPage.State.OPEN,
                dossier.procedureName(),
                dossier.lastDigits(),
                dossier.status().name(),
                dossier.dueAt() == null
                        ? null
                        : dossier.dueAt().atZone(clock.getZone()).toLocalDate(),
                questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE));
    }

    /** What a submission became: the rating, and whether the citizen's number was kept for a follow-up call. */
    public record Submitted(RatingOutcome rating, boolean contactKept) {}

    /**
     * Submits the answers given on the page opened with this token. Reasons and the consent to be
     * contacted count only when the answers ask for a reason (the page hides them otherwise, and
     * without JavaScript they are simply ignored); so does the reason detail, which is stored at the
     * start of the rating's comment. The phone number goes to the follow-up case, never into the
     * rating. A stored rating takes the link's draft with it.
     *
     * @throws InvalidInputException naming every field to correct (nothing stored)
     * @throws ConflictException when the dossier was rated meanwhile, or the link is no longer valid
     * @throws AccessDeniedException when a staff account is logged in on this browser
     */
    public Submitted submit(String token, SurveyAnswers given) {
        if (staffSession()) {
            throw new AccessDeniedException("staff accounts cannot submit ratings; ratings come from citizens");
        }
        ResolvedLink link = links.resolve(token);
        if (link.state() != LinkState.VALID) {
            throw new ConflictException("token", "this survey link is no longer valid");
        }
        Questionnaire questionnaire = questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE);
        boolean reasonAsked = given.answers() != null && questionnaire.reasonRequiredFor(given.answers());
        List<String> reasons = reasonAsked && given.reasons() != null ? given.reasons() : List.of();
        // Checked here as well as by the rating service, so that one answer names every field.
        FieldErrors errors = new FieldErrors();
        String comment = comment(given, reasonAsked, errors);
        questionnaire.check(given.answers(), reasons, comment, errors);
        MobileNumber number = reasonAsked ? contact(given, errors) : null;
        errors.throwIfAny();
        RatingOutcome outcome = ratings.submit(new RatingSubmission(
                link.knownDossier().code(),
                RatingChannel.QR.name(),
                given.idempotencyKey(),
                given.answers(),
                reasons,
                comment,
                null));
        drafts.forget(link.knownDossier().id().value());
        boolean kept = number != null && followUps.keepContact(outcome.ratingId(), number);
        return new Submitted(outcome, kept);
    }

    /**
     * The rating's comment: the reason detail (only when a reason is asked) and then the general
     * comment, each kept within the limit on its own so the page can point at the one too long.
     */
    private static @Nullable String comment(SurveyAnswers given, boolean reasonAsked, FieldErrors errors) {
        String detail = reasonAsked
                        && given.reasonDetail() != null
                        && !given.reasonDetail().isBlank()
                ? given.reasonDetail().strip()
                : null;
        String general = given.comment() != null && !given.comment().isBlank()
                ? given.comment().strip()
                : null;
        if (detail != null && detail.length() > Questionnaire.COMMENT_MAX_LENGTH) {
            errors.malformed(
                    "reasonDetail", "reason detail is longer than " + Questionnaire.COMMENT_MAX_LENGTH + " characters");
            return general;
        }
        if (detail == null || general == null) {
            return detail != null ? detail : given.comment();
        }
        return detail + "\n\n" + general;
    }

    /** The answers kept so far on the page of this link, while it may still be rated. */
    public Optional<SurveyDraft> draft(String token) {
        if (staffSession()) {
            return Optional.empty();
        }
        ResolvedLink link = links.resolve(token);
        if (link.state() != LinkState.VALID) {
            return Optional.empty();
        }
        return drafts.find(link.knownDossier().id().value());
    }

    /**
     * Keeps the answers given so far (and what to correct in them) for the page's next round trip,
     * replacing any earlier draft of this link. Only for a link that may still be rated, and never
     * for a staff session.
     *
     * @return whether the draft was kept
     */
    public boolean keepDraft(String token, SurveyDraft draft) {
        if (staffSession()) {
            return false;
        }
        ResolvedLink link = links.resolve(token);
        if (link.state() != LinkState.VALID
                || !ratings.accepts(link.knownDossier().id(), RatingChannel.QR)) {
            return false;
        }
        drafts.keep(link.knownDossier().id().value(), draft);
        return true;
    }

    /** The number to call, when consent was given with a valid one; {@code null} when none was asked. */
    private static @Nullable MobileNumber contact(SurveyAnswers given, FieldErrors errors) {
        boolean typed = given.phone() != null && !given.phone().isBlank();
        if (!given.contactConsent()) {
            if (typed) {
                errors.unprocessable("contactConsent", "consent is required to keep a phone number");
            }
            return null;
        }
        if (!typed) {
            errors.unprocessable("phone", "required: a phone number to be contacted on");
            return null;
        }
        MobileNumber number = MobileNumber.parse(Objects.requireNonNull(given.phone())) // typed
                .orElse(null);
        if (number == null) {
            errors.malformed("phone", "not a Vietnamese mobile number (10 digits starting with 03, 05, 07, 08 or 09)");
        }
        return number;
    }

    /** Whether a staff account is logged in on this browser (staff can never rate). */
    public boolean staffSession() {
        return RatingSubmissionPolicy.refusal(currentAuthorities(), RatingChannel.QR) != null;
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
}
