package vn.hailong.rating;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.platform.NotFoundException;

/** Serves the questionnaire a survey shows: the active revision of a template. */
@Service
public class QuestionnaireService {

    public static final String DEFAULT_TEMPLATE = "default";

    // Which revision is active is asked on every rating; remembering it briefly saves a query
    // that reads the whole definition. A newly activated revision is used within this time.
    private static final long ACTIVE_CACHE_MILLIS = 30_000;

    private record ActiveRevision(Questionnaire questionnaire, long until) {}

    private final SurveyTemplates templates;
    private final Clock clock;
    private final Map<String, ActiveRevision> activeByKey = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    // Revisions are immutable, so a parsed one can be kept for the life of the node.
    private final Map<UUID, Questionnaire> parsed = new ConcurrentHashMap<>();

    QuestionnaireService(SurveyTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** The active revision of a template (a change of revision is seen within 30 seconds). */
    public Questionnaire active(String templateKey) {
        long now = clock.millis();
        ActiveRevision known = activeByKey.get(templateKey);
        if (known != null && known.until() > now) {
            return known.questionnaire();
        }
        Questionnaire current = loadActive(templateKey);
        activeByKey.put(templateKey, new ActiveRevision(current, now + ACTIVE_CACHE_MILLIS));
        return current;
    }

    private Questionnaire loadActive(String templateKey) {
        SurveyTemplate template = templates
                .findFirstByTemplateKeyAndActiveTrueOrderByRevisionDesc(templateKey)
                .orElseThrow(() -> new NotFoundException("no active survey template '" + templateKey + "'"));
        return parsed.computeIfAbsent(template.getId(), id -> parse(template));
    }

    private Questionnaire parse(SurveyTemplate template) {
        Definition d = json.readValue(template.getDefinition(), Definition.class);
        return new Questionnaire(
                template.getId(),
                template.getTemplateKey(),
                template.getRevision(),
                d.criteria().stream()
                        .map(c -> new Questionnaire.Criterion(
                                c.key(),
                                c.label(),
                                c.indicator(),
                                c.required(),
                                c.options().stream()
                                        .map(o -> new Questionnaire.Option(o.key(), o.points(), o.label()))
                                        .toList()))
                        .toList(),
                d.reasonRule() == null
                        ? null
                        : new Questionnaire.ReasonRule(
                                d.reasonRule().criterion(),
                                Set.copyOf(d.reasonRule().options()),
                                Boolean.TRUE.equals(d.reasonRule().codeRequired())),
                d.reasons().stream()
                        .map(r -> new Questionnaire.Reason(r.code(), r.label()))
                        .toList());
    }

    /** The JSON shape of a template definition, as stored in survey_template.definition. */
    record Definition(List<CriterionJson> criteria, ReasonRuleJson reasonRule, List<ReasonJson> reasons) {}

    record CriterionJson(String key, Label label, Integer indicator, boolean required, List<OptionJson> options) {}

    record OptionJson(String key, int points, Label label) {}

    /** {@code codeRequired}: absent or false, a comment alone is the reason; true, a reason code must be chosen. */
    record ReasonRuleJson(String criterion, List<String> options, Boolean codeRequired) {}

    record ReasonJson(String code, Label label) {}
}
