package vn.hailong.survey.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.util.HtmlUtils;

import vn.hailong.platform.Words;

/**
 * Every fixed text of the citizen's survey page, by its key: the words are in the bundles
 * ({@code survey.page.<key>} in {@code vaadin-i18n/translations*.properties}, Vietnamese at the
 * root, English beside it). The questions themselves come from the questionnaire (one definition
 * for the phone page and the kiosk).
 */
final class SurveyTexts {

    private static final String PREFIX = "survey.page.";

    /** The keys the page and {@link SurveyForm} read; {@code s.<status>}: a dossier's status. */
    static final List<String> KEYS = List.of(
            "pageTitle",
            "errorTitlePrefix",
            "heading",
            "brand",
            "smaller",
            "larger",
            "textSize",
            "dossier",
            "due",
            "optional",
            "reasonsLegend",
            "reasonsSummary",
            "reasonDetailLabel",
            "reasonDetailHint",
            "moreTitle",
            "moreHint",
            "commentLabel",
            "anonymous",
            "send",
            "errorSummary",
            "chooseAnswer",
            "chooseReason",
            "chooseReasonCode",
            "describeReason",
            "commentTooLong",
            "tryAgain",
            "consentLegend",
            "consentLabel",
            "consentHint",
            "phoneLabel",
            "phoneHint",
            "phoneInvalid",
            "phoneMissing",
            "consentMissing",
            "thanksTitle",
            "thanks",
            "thanksFollowUp",
            "closeHint",
            "noticeTitle",
            "UNKNOWN",
            "EXPIRED",
            "helpTitle",
            "next.UNKNOWN",
            "next.EXPIRED",
            "next.ALREADY_RATED",
            "hotline",
            "ALREADY_RATED",
            "STAFF",
            "FORBIDDEN",
            "s.REGISTERED",
            "s.RECEIVED",
            "s.PROCESSING",
            "s.PROCESSED",
            "s.FINANCIAL_OBLIGATION_REQUESTED",
            "s.SUPPLEMENT_REQUESTED",
            "s.RETURNED",
            "s.NOT_ACCEPTED",
            "s.WITHDRAWN",
            "s.STOPPED",
            // The language button's words: the other language's name, in that language.
            "otherLanguage",
            // The plain pages written without the template: a link opened too often
            // (SurveyLinkAttemptFilter), a form sent without its CSRF token (SurveyWebConfiguration).
            "tooManyTitle",
            "tooManyHeading",
            "tooMany",
            "staleFormTitle");

    private static final Map<String, String> VI = load(Words.VI);
    private static final Map<String, String> EN = load(Locale.ENGLISH);

    private SurveyTexts() {}

    /** The page's texts in {@code lang} ("en", else Vietnamese), by key. */
    static Map<String, String> in(String lang) {
        return "en".equals(lang) ? EN : VI;
    }

    /** The text of {@code key} in {@code lang}, escaped for HTML (the plain pages without the template). */
    static String html(String lang, String key) {
        // Every key has its text in both languages (OneSourceOfWordsTest).
        return HtmlUtils.htmlEscape(Objects.requireNonNull(in(lang).get(key), key), StandardCharsets.UTF_8.name());
    }

    /**
     * Read once: the bundles do not change while the application runs. The texts have no
     * arguments, so they are taken as written (no MessageFormat: "citizen's" keeps one apostrophe).
     */
    private static Map<String, String> load(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : KEYS) {
            String text = Words.of(PREFIX + key, locale);
            if (text.equals(PREFIX + key)) {
                throw new IllegalStateException("The bundles have no text for " + PREFIX + key);
            }
            texts.put(key, text);
        }
        return Map.copyOf(texts);
    }
}
