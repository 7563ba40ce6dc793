package vn.hailong.survey;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Contract;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.hailong.platform.InvalidInputException;

/**
 * The survey page's drafts in {@code survey_draft} (V75): one per survey link, as JSON, kept in the
 * database rather than in a node's memory or a session, so that any node answers the redirect.
 * What a draft may hold is bounded here, so that a link's holder cannot park large text on the
 * server: a draft is never larger than an honest form.
 */
@Component
@EnableConfigurationProperties(SurveyDraftProperties.class)
class SurveyDrafts {

    /** Longer than any honest form sends (the page's own limits are lower). */
    static final int TEXT_LIMIT = 4000;

    static final int SHORT_LIMIT = 40;
    static final int LIST_LIMIT = 20;

    private record Content(
            String key,
            @Nullable Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String reasonDetail,
            @Nullable String comment,
            boolean consent,
            @Nullable String phone,
            List<InvalidInputException.FieldError> errors) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SurveyDraftProperties properties;
    private final Clock clock;

    SurveyDrafts(JdbcTemplate jdbc, SurveyDraftProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    void keep(UUID dossierId, SurveyDraft draft) {
        SurveyAnswers a = draft.answers();
        Map<String, String> answers = new LinkedHashMap<>();
        if (a.answers() != null) {
            a.answers().entrySet().stream()
                    .limit(LIST_LIMIT)
                    .forEach(e -> answers.put(cut(e.getKey(), SHORT_LIMIT), cut(e.getValue(), SHORT_LIMIT)));
        }
        List<String> reasons = a.reasons() == null
                ? List.of()
                : a.reasons().stream()
                        .limit(LIST_LIMIT)
                        .map(r -> cut(r, SHORT_LIMIT))
                        .toList();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        draft.errors().stream()
                .limit(LIST_LIMIT)
                .forEach(e -> errors.add(
                        new InvalidInputException.FieldError(cut(e.field(), SHORT_LIMIT), cut(e.message(), 300))));
        Content content = new Content(
                cut(a.idempotencyKey(), 100),
                answers,
                reasons,
                cut(a.reasonDetail(), TEXT_LIMIT),
                cut(a.comment(), TEXT_LIMIT),
                a.contactConsent(),
                cut(a.phone(), SHORT_LIMIT),
                errors);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO survey_draft (dossier_id, content, expires_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE content = VALUES(content), expires_at = VALUES(expires_at)""", dossierId.toString(), JSON.writeValueAsString(content), now.plus(properties.draftTtl()));
    }

    Optional<SurveyDraft> find(UUID dossierId) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> found = jdbc
                .queryForList(
                        "SELECT content FROM survey_draft WHERE dossier_id = ? AND expires_at > ?",
                        String.class,
                        dossierId.toString(),
                        now)
                .stream()
                .map(Objects::requireNonNull) // content is NOT NULL
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            Content c = JSON.readValue(found.getFirst(), Content.class);
            return Optional.of(new SurveyDraft(
                    new SurveyAnswers(
                            c.key(),
                            c.answers() == null ? Map.of() : c.answers(),
                            c.reasons() == null ? List.of() : c.reasons(),
                            c.reasonDetail(),
                            c.comment(),
                            c.consent(),
                            c.phone()),
                    c.errors()));
        } catch (JacksonException unreadable) {
            // Written by another version of the page: start afresh rather than fail the page.
            return Optional.empty();
        }
    }

    void forget(UUID dossierId) {
        jdbc.update("DELETE FROM survey_draft WHERE dossier_id = ?", dossierId.toString());
    }

    /** Expired drafts (and the numbers in them) are gone within minutes, not only hidden. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    int purgeExpired() {
        return jdbc.update(
                "DELETE FROM survey_draft WHERE expires_at <= ?",
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Contract("!null, _ -> !null")
    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
