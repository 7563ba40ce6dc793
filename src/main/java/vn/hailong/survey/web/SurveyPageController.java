package vn.hailong.survey.web;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
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

import java.time.Clock;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.survey.CitizenSurveyService;
import vn.hailong.survey.SurveyAnswers;
import vn.hailong.survey.SurveyPage;

/**
 * The page a survey link opens on the citizen's phone: plain HTML rendered on the server (no
 * JavaScript framework; a few lines of script only show the reasons when they are needed), so it
 * is usable within seconds on a cheap phone on a slow network (ADR 005). The form posts back to
 * the link and, once stored, redirects to a thank-you page (post/redirect/get), so a reload never
 * sends twice; a hidden idempotency key makes a double tap or a resend store one rating.
 */
@Controller
class SurveyPageController {

    private static final String TEMPLATE = "survey/page";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CitizenSurveyService surveys;
    private final SurveyAssets assets;
    private final Clock clock;

    SurveyPageController(CitizenSurveyService surveys, SurveyAssets assets, Clock clock) {
        this.surveys = surveys;
        this.assets = assets;
        this.clock = clock;
    }

    @GetMapping("/r/{token}")
    ModelAndView open(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String size, HttpServletRequest request, HttpServletResponse response) {
        Display display = Display.of(lang, size);
        SurveyPage page = surveys.open(token);
        if (page.state() != SurveyPage.State.OPEN) {
            return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
        }
        SurveyAnswers blank = new SurveyAnswers(newKey(), Map.of(), List.of(), "", false, "");
        return form(display, token, page, blank, List.of(), request, response);
    }

    @PostMapping("/r/{token}")
    ModelAndView submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response) {
        Display display = Display.of(params.getFirst("lang"), params.getFirst("size"));
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(SurveyForm.QUESTION_PREFIX) && !values.isEmpty()) {
                answers.put(name.substring(SurveyForm.QUESTION_PREFIX.length()), values.getFirst());
            }
        });
        List<String> reasons = params.getOrDefault("reason", List.of());
        String phone = params.getFirst("phone");
        SurveyAnswers given = new SurveyAnswers(params.getFirst("key"), answers, reasons, params.getFirst("comment"),
                "yes".equals(params.getFirst("contact")), phone == null ? "" : phone);
        try {
            CitizenSurveyService.Submitted submitted = surveys.submit(token, given);
            String thanks = display.url("/r/" + token + "/thanks");
            if (submitted.contactKept()) {
                thanks += (thanks.contains("?") ? "&" : "?") + "followup=1";
            }
            RedirectView redirect = new RedirectView(thanks, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        } catch (InvalidInputException invalid) {
            SurveyPage page = surveys.open(token);
            if (page.state() != SurveyPage.State.OPEN) {
                return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
            }
            String key = given.idempotencyKey() != null && given.idempotencyKey().matches("[A-Za-z0-9._:-]{8,100}")
                    ? given.idempotencyKey() : newKey();
            SurveyAnswers kept = new SurveyAnswers(key, answers, reasons, given.comment(), given.contactConsent(), given.phone());
            return form(display, token, page, kept, invalid.errors(), request, response);
        } catch (ConflictException conflict) {
            // Rated meanwhile (another tab, the kiosk), or the link expired while the page was open.
            SurveyPage page = surveys.open(token);
            if (page.state() != SurveyPage.State.OPEN) {
                return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
            }
            // The key was used for other answers: a new key, and the citizen sends again.
            SurveyAnswers kept = new SurveyAnswers(newKey(), answers, reasons, given.comment(), given.contactConsent(), given.phone());
            return form(display, token, page, kept, List.of(new InvalidInputException.FieldError("key", conflict.getMessage())),
                    request, response);
        } catch (AccessDeniedException staff) {
            return notice(display, token, SurveyPage.State.STAFF.name(), request, response, HttpStatus.FORBIDDEN);
        }
    }

    /** The thank-you page after post/redirect/get; for a link not rated yet, back to the survey. */
    @GetMapping("/r/{token}/thanks")
    ModelAndView thanks(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String size, @RequestParam(required = false) String followup,
            HttpServletRequest request, HttpServletResponse response) {
        Display display = Display.of(lang, size);
        SurveyPage page = surveys.open(token);
        if (page.state() == SurveyPage.State.OPEN) {
            RedirectView back = new RedirectView(display.url("/r/" + token), true);
            back.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(back);
        }
        if (page.state() != SurveyPage.State.ALREADY_RATED) {
            return notice(display, token, page.state().name(), request, response, HttpStatus.OK);
        }
        ModelAndView view = base(display, "/r/" + token + "/thanks", request, response);
        view.addObject("mode", "thanks");
        view.addObject("followUp", "1".equals(followup));
        view.addObject("title", text(display, "thanksTitle"));
        return view;
    }

    private ModelAndView form(Display display, String token, SurveyPage page, SurveyAnswers given,
            List<InvalidInputException.FieldError> errors, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> texts = SurveyTexts.in(display.lang());
        Locale locale = Locale.forLanguageTag(display.lang());
        SurveyForm form = SurveyForm.of(page.questionnaire(), given, texts, locale);
        form.show(errors, texts);
        ModelAndView view = base(display, "/r/" + token, request, response);
        view.addObject("mode", "form");
        view.addObject("form", form);
        view.addObject("procedure", page.procedureName());
        view.addObject("reference", texts.get("dossier") + page.dossierLastDigits() + " · " + status(page, texts));
        view.addObject("action", "/r/" + token);
        view.addObject("title", (form.getErrors().isEmpty() ? "" : texts.get("errorTitlePrefix")) + texts.get("pageTitle"));
        if (!form.getErrors().isEmpty()) {
            // Unprocessable: the page shows what to correct, with every answer kept.
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        // Created now, before the body is written: the CSRF cookie must go out with the headers.
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            view.addObject("csrf", csrf);
            csrf.getToken();
        }
        return view;
    }

    private String status(SurveyPage page, Map<String, String> texts) {
        String status = texts.getOrDefault("s." + page.statusCode(), page.statusCode());
        if (page.returned() || page.dueDate() == null) {
            return status;
        }
        LocalDate due = page.dueDate();
        String pattern = due.getYear() == LocalDate.now(clock).getYear() ? "dd/MM" : "dd/MM/yyyy";
        return status + ", " + texts.get("due") + " " + DateTimeFormatter.ofPattern(pattern).format(due);
    }

    private ModelAndView notice(Display display, String token, String state, HttpServletRequest request,
            HttpServletResponse response, HttpStatus status) {
        ModelAndView view = base(display, "/r/" + token, request, response);
        view.addObject("mode", "notice");
        view.addObject("notice", text(display, state));
        view.addObject("noticeState", state);
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
        view.addObject("otherLangLabel", display.english() ? "Tiếng Việt" : "English");
        view.addObject("otherLangUrl", display.url(path, display.otherLang(), display.size()));
        view.addObject("smallerUrl", display.canShrink() ? display.url(path, display.lang(), display.size() - 1) : null);
        view.addObject("largerUrl", display.canGrow() ? display.url(path, display.lang(), display.size() + 1) : null);
        view.addObject("cssUrl", assets.cssUrl());
        view.addObject("nonce", nonce);
        // The page carries a one-time key and a CSRF token: never cached, never sent on as a referrer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'nonce-" + nonce
                + "'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        return view;
    }

    private static String text(Display display, String key) {
        return SurveyTexts.in(display.lang()).get(key);
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
