package vn.hailong.survey.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.survey.CitizenSurveyService;
import vn.hailong.survey.SurveyAnswers;
import vn.hailong.survey.SurveyDraft;
import vn.hailong.survey.SurveyPage;

/**
 * The page a survey link opens on the citizen's phone: plain HTML rendered on the server (no
 * JavaScript framework; a few lines of script only show the reasons when they are needed), so it
 * is usable within seconds on a cheap phone on a slow network (ADR 005).
 *
 * <p>Every POST is answered by a redirect to a GET (post/redirect/get), so Back and reload never
 * meet a page that was the answer to a POST ("Confirm Form Resubmission"). What the citizen has
 * answered so far travels through the redirect in a short-lived draft on the server, kept per
 * link ({@link CitizenSurveyService#keepDraft}): after a send with something to correct (the page
 * then shows the messages), and after the A-/A+ and language buttons, which are buttons of the
 * form. Once stored, the citizen lands on a thank-you page, and this browser (a cookie scoped to
 * the link) sees the thank-you again when it goes back. A hidden idempotency key, kept in the
 * draft, makes a double tap or a resend store one rating.
 */
@Controller
@EnableConfigurationProperties(SurveyHelpProperties.class)
class SurveyPageController {

    private static final String TEMPLATE = "survey/page";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Set when this browser sent the rating of a link: Back then shows the thank-you, not "already rated". */
    static final String SENT_COOKIE = "HL-SURVEY-SENT";

    private static final Duration SENT_COOKIE_AGE = Duration.ofHours(2);

    private final CitizenSurveyService surveys;
    private final SurveyAssets assets;
    private final SurveyHelpProperties help;
    private final Clock clock;
    private final Formats formats;

    SurveyPageController(
            CitizenSurveyService surveys,
            SurveyAssets assets,
            SurveyHelpProperties help,
            Clock clock,
            Formats formats) {
        this.surveys = surveys;
        this.assets = assets;
        this.help = help;
        this.clock = clock;
        this.formats = formats;
    }

    @GetMapping("/r/{token}")
    ModelAndView open(
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            HttpServletResponse response) {
        Display display = Display.of(lang, size);
        SurveyPage page = surveys.open(token);
        if (page.state() == SurveyPage.State.ALREADY_RATED) {
            String sent = sentCookie(request);
            if (sent != null) {
                return thanksPage(display, "/r/" + token, "followup".equals(sent), request, response);
            }
        }
        if (page.state() != SurveyPage.State.OPEN) {
            return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
        }
        SurveyDraft draft = surveys.draft(token)
                .filter(d -> validKey(d.answers().idempotencyKey()))
                .orElse(new SurveyDraft(
                        new SurveyAnswers(newKey(), Map.of(), List.of(), "", "", false, ""), List.of()));
        return form(display, token, page, draft.answers(), draft.errors(), request, response);
    }

    @PostMapping("/r/{token}")
    ModelAndView submit(
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response) {
        Display display = Display.of(params.getFirst("lang"), params.getFirst("size"));
        String action = params.getFirst("do");
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(SurveyForm.QUESTION_PREFIX) && !values.isEmpty()) {
                answers.put(name.substring(SurveyForm.QUESTION_PREFIX.length()), values.getFirst());
            }
        });
        List<String> reasons = params.getOrDefault("reason", List.of());
        String phone = params.getFirst("phone");
        String sentKey = params.getFirst("key");
        String key = sentKey != null && validKey(sentKey) ? sentKey : newKey();
        SurveyAnswers given = new SurveyAnswers(
                key,
                answers,
                reasons,
                params.getFirst("reasonDetail"),
                params.getFirst("comment"),
                "yes".equals(params.getFirst("contact")),
                phone == null ? "" : phone);
        if (Display.isSwitch(action)) {
            // A-/A+ or the language: nothing is sent, everything ticked so far is kept.
            surveys.keepDraft(token, new SurveyDraft(given, List.of()));
            return seeOther(display.after(action).url("/r/" + token));
        }
        String form = display.url("/r/" + token);
        try {
            CitizenSurveyService.Submitted submitted = surveys.submit(token, given);
            String thanks = display.url("/r/" + token + "/thanks");
            if (submitted.contactKept()) {
                thanks += (thanks.contains("?") ? "&" : "?") + "followup=1";
            }
            ResponseCookie sent = ResponseCookie.from(SENT_COOKIE, submitted.contactKept() ? "followup" : "1")
                    .path("/r/" + token)
                    .maxAge(SENT_COOKIE_AGE)
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, sent.toString());
            return seeOther(thanks);
        } catch (InvalidInputException invalid) {
            // Unprocessable: the page (a GET) shows what to correct, with every answer kept. When the
            // link can no longer be rated, no draft is kept and the GET says why.
            surveys.keepDraft(token, new SurveyDraft(given, invalid.errors()));
            return seeOther(form);
        } catch (ConflictException conflict) {
            // Rated meanwhile (another tab, the kiosk), or the link expired while the page was open:
            // the GET says so. Otherwise the key was used for other answers: a new key, and the
            // citizen sends again.
            SurveyAnswers kept = new SurveyAnswers(
                    newKey(),
                    answers,
                    reasons,
                    given.reasonDetail(),
                    given.comment(),
                    given.contactConsent(),
                    given.phone());
            surveys.keepDraft(
                    token,
                    new SurveyDraft(kept, List.of(new InvalidInputException.FieldError("key", conflict.getMessage()))));
            return seeOther(form);
        } catch (AccessDeniedException staff) {
            // The GET tells the staff session that it may not rate.
            return seeOther(form);
        }
    }

    /** The thank-you page after post/redirect/get; for a link not rated yet, back to the survey. */
    @GetMapping("/r/{token}/thanks")
    ModelAndView thanks(
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String followup,
            HttpServletRequest request,
            HttpServletResponse response) {
        Display display = Display.of(lang, size);
        SurveyPage page = surveys.open(token);
        if (page.state() == SurveyPage.State.OPEN) {
            return seeOther(display.url("/r/" + token));
        }
        if (page.state() != SurveyPage.State.ALREADY_RATED) {
            return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
        }
        return thanksPage(display, "/r/" + token + "/thanks", "1".equals(followup), request, response);
    }

    private ModelAndView thanksPage(
            Display display, String path, boolean followUp, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView view = base(display, path, request, response);
        view.addObject("mode", "thanks");
        view.addObject("followUp", followUp);
        view.addObject("title", text(display, "thanksTitle"));
        return view;
    }

    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    private static @Nullable String sentCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (SENT_COOKIE.equals(cookie.getName())
                    && ("1".equals(cookie.getValue()) || "followup".equals(cookie.getValue()))) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean validKey(@Nullable String key) {
        return key != null && key.matches("[A-Za-z0-9._:-]{8,100}");
    }

    private ModelAndView form(
            Display display,
            String token,
            SurveyPage page,
            SurveyAnswers given,
            List<InvalidInputException.FieldError> errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> texts = SurveyTexts.in(display.lang());
        Locale locale = Locale.forLanguageTag(display.lang());
        // The form is shown for an open page only, which has its questionnaire and dossier.
        SurveyForm form = SurveyForm.of(Objects.requireNonNull(page.questionnaire()), given, texts, locale);
        form.show(errors, texts);
        ModelAndView view = base(display, "/r/" + token, request, response);
        view.addObject("mode", "form");
        view.addObject("form", form);
        view.addObject("procedure", page.procedureName());
        view.addObject("reference", texts.get("dossier") + page.dossierLastDigits() + " · " + status(page, texts));
        view.addObject("action", "/r/" + token);
        view.addObject(
                "title", (form.getErrors().isEmpty() ? "" : texts.get("errorTitlePrefix")) + texts.get("pageTitle"));
        // Created now, before the body is written: the CSRF cookie must go out with the headers.
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            view.addObject("csrf", csrf);
            csrf.getToken();
        }
        return view;
    }

    private String status(SurveyPage page, Map<String, String> texts) {
        String code = Objects.requireNonNull(page.statusCode()); // an open page's dossier status
        String status = texts.getOrDefault("s." + code, code);
        if (page.returned() || page.dueDate() == null) {
            return status;
        }
        LocalDate due = page.dueDate();
        String day = due.getYear() == LocalDate.now(clock).getYear() ? formats.shortDay(due) : formats.day(due);
        return status + ", " + texts.get("due") + " " + day;
    }

    private ModelAndView notice(
            Display display,
            String token,
            String state,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status) {
        ModelAndView view = base(display, "/r/" + token, request, response);
        view.addObject("mode", "notice");
        view.addObject("notice", text(display, state));
        view.addObject("noticeState", state);
        view.addObject("next", texts(display).get("next." + state));
        view.addObject("helpName", help.name());
        view.addObject("helpPhone", help.hasPhone() ? help.phone() : null);
        view.addObject("helpDial", help.hasPhone() ? "tel:" + help.dial() : null);
        view.addObject("title", text(display, "noticeTitle"));
        view.setStatus(status);
        return view;
    }

    private ModelAndView base(Display display, String path, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> texts = SurveyTexts.in(display.lang());
        ModelAndView view = new ModelAndView(TEMPLATE);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
        view.addObject("t", texts);
        view.addObject("lang", display.lang());
        view.addObject("size", display.size());
        view.addObject("sizeClass", display.sizeClass());
        view.addObject("otherLang", display.otherLang());
        view.addObject("otherLangLabel", texts.get("otherLanguage"));
        view.addObject("otherLangUrl", display.url(path, display.otherLang(), display.size()));
        view.addObject(
                "smallerUrl", display.canShrink() ? display.url(path, display.lang(), display.size() - 1) : null);
        view.addObject("largerUrl", display.canGrow() ? display.url(path, display.lang(), display.size() + 1) : null);
        view.addObject("canShrink", display.canShrink());
        view.addObject("canGrow", display.canGrow());
        view.addObject("cssUrl", assets.cssUrl());
        view.addObject("nonce", nonce);
        // The page carries a one-time key and a CSRF token: never cached, never sent on as a referrer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; script-src 'nonce-" + nonce
                        + "'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        return view;
    }

    private static Map<String, String> texts(Display display) {
        return SurveyTexts.in(display.lang());
    }

    private static String text(Display display, String key) {
        // Every key has its text in both languages (OneSourceOfWordsTest).
        return Objects.requireNonNull(SurveyTexts.in(display.lang()).get(key), key);
    }

    private static String newKey() {
        return "qr-" + UUID.randomUUID();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
