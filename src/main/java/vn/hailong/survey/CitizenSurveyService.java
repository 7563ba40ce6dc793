package vn.hailong.survey;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
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
    private final Clock clock;

    CitizenSurveyService(SurveyLinkService links, DossierIntakeService intake, RatingService ratings,
            QuestionnaireService questionnaires, Clock clock) {
        this.links = links;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    public SurveyPage open(String token) {
        ResolvedLink link = links.resolve(token);
        if (link.state() == LinkState.UNKNOWN) {
            // The same look-ups as for a real link, so that the answer time does not tell a
            // prober whether a token exists.
            UUID nobody = UUID.randomUUID();
            intake.find(nobody);
            ratings.accepts(nobody, RatingChannel.QR);
            return SurveyPage.closed(SurveyPage.State.UNKNOWN);
        }
        if (!ratings.accepts(link.dossierId(), RatingChannel.QR)) {
            return SurveyPage.closed(SurveyPage.State.ALREADY_RATED);
        }
        if (link.state() == LinkState.EXPIRED) {
            return SurveyPage.closed(SurveyPage.State.EXPIRED);
        }
        DossierDetails dossier = link.dossier();
        return new SurveyPage(SurveyPage.State.OPEN, dossier.procedureName(), dossier.lastDigits(), dossier.status().name(),
                dossier.dueAt() == null ? null : dossier.dueAt().atZone(clock.getZone()).toLocalDate(),
                questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE));
    }

    /**
     * Submits the answers given on the page opened with this token.
     *
     * @param idempotencyKey drawn once per page, so a double tap or a resend stores one rating
     * @throws ConflictException when the dossier was rated meanwhile, or the link is no longer valid
     */
    public RatingOutcome submit(String token, String idempotencyKey, Map<String, String> answers, List<String> reasons,
            String comment) {
        ResolvedLink link = links.resolve(token);
        if (link.state() != LinkState.VALID) {
            throw new ConflictException("token", "this survey link is no longer valid");
        }
        return ratings.submit(new RatingSubmission(link.dossier().code(), RatingChannel.QR.name(), idempotencyKey, answers, reasons,
                comment, null));
    }
}
