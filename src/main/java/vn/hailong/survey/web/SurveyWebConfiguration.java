package vn.hailong.survey.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

import vn.hailong.platform.RateLimitBuckets;
import vn.hailong.survey.AttemptLimiter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveyLinkAttemptProperties.class)
class SurveyWebConfiguration {

    @Bean
    FilterRegistrationBean<SurveyLinkAttemptFilter> surveyLinkAttemptFilter(
            SurveyLinkAttemptProperties properties, RateLimitBuckets buckets) {
        FilterRegistrationBean<SurveyLinkAttemptFilter> registration = new FilterRegistrationBean<>(
                new SurveyLinkAttemptFilter(new AttemptLimiter(properties.attemptsPerMinute(), buckets)));
        registration.addUrlPatterns("/r/*");
        // Before Spring Security and Vaadin: a refused attempt costs nothing else.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The citizen's pages are public, but a logged-in staff session is still recognised (it may
     * never rate). The form is protected against cross-site posts by a CSRF token kept in a
     * cookie rather than a session: any node can check it, and opening a link creates no session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain citizenSurvey(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("HL-SURVEY-CSRF");
        csrfTokens.setCookiePath("/r/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.securityMatcher("/r/**", SurveyAssets.PATH + "**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.disable())
                // The page sets its own Cache-Control (no-store; the stylesheet: a year).
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    response.setHeader("Cache-Control", "no-store");
                    response.getWriter().write(STALE_FORM);
                }));
        return http.build();
    }

    /**
     * A form sent without its CSRF token (cookie lost, or a post from another site): the survey
     * page's own words for it (FORBIDDEN), in Vietnamese and in English.
     */
    private static final String STALE_FORM = """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>%1$s</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
            </head><body><h1>%1$s</h1>
            <p id="survey-notice">%2$s</p>
            <p lang="en">%3$s</p>
            </body></html>""".formatted(
                    SurveyTexts.html("vi", "staleFormTitle"),
                    SurveyTexts.html("vi", "FORBIDDEN"),
                    SurveyTexts.html("en", "FORBIDDEN"));
}
