package vn.hailong.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.platform.Roles;
import vn.hailong.rating.Label;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;

/**
 * The active questionnaire's words as the dashboard and its exports show them: criteria, reasons
 * and the overall question's options, by key, in the questionnaire's order.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
// One read-only transaction (one pooled connection) per call, which the questionnaire look-up joins.
@Transactional(readOnly = true)
public class DashboardLabels {

    private final QuestionnaireService questionnaires;

    DashboardLabels(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** The criteria of the active questionnaire with their Vietnamese labels, in its order. */
    public Map<String, String> criterionLabels() {
        return criterionLabels(false);
    }

    /** The criteria of the active questionnaire with their labels (English or Vietnamese), in its order. */
    public Map<String, String> criterionLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .criteria()
                .forEach(c -> labels.put(c.key(), text(c.label(), english)));
        return labels;
    }

    /** Reason codes of the active questionnaire with their Vietnamese labels. */
    public Map<String, String> reasonLabels() {
        return reasonLabels(false);
    }

    public Map<String, String> reasonLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .reasons()
                .forEach(r -> labels.put(r.code(), text(r.label(), english)));
        return labels;
    }

    /** Options of the active questionnaire's overall question ("Hài lòng", ...) by key. */
    public Map<String, String> overallOptionLabels() {
        return overallOptionLabels(false);
    }

    public Map<String, String> overallOptionLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE).criteria().stream()
                .filter(c -> c.key().equals(Questionnaire.OVERALL))
                .forEach(c -> c.options().forEach(o -> labels.put(o.key(), text(o.label(), english))));
        return labels;
    }

    private static String text(Label label, boolean english) {
        return english && label.en() != null && !label.en().isBlank() ? label.en() : label.vi();
    }
}
