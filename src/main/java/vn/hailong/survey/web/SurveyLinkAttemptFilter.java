package vn.hailong.survey.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import vn.hailong.survey.AttemptLimiter;

/**
 * Counts every opening of a survey link ({@code /r/...}) against the client's address and answers
 * 429 with a polite page once the address has tried too many. The address is the one Tomcat
 * reports (behind a proxy, from X-Forwarded-For of trusted proxies); it is never stored.
 */
class SurveyLinkAttemptFilter extends OncePerRequestFilter {

    /** The polite page, in Vietnamese with the English below (the words: survey.page.tooMany*). */
    private static final String TOO_MANY = """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
            </head><body><h1>%s</h1>
            <p>%s</p>
            <p lang="en">%s</p>
            </body></html>""".formatted(
                    SurveyTexts.html("vi", "tooManyTitle"),
                    SurveyTexts.html("vi", "tooManyHeading"),
                    SurveyTexts.html("vi", "tooMany"),
                    SurveyTexts.html("en", "tooMany"));

    private final AttemptLimiter limiter;

    SurveyLinkAttemptFilter(AttemptLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/r/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AttemptLimiter.Decision decision = limiter.attempt(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(decision.retryAfter().toSeconds()));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(TOO_MANY);
    }
}
