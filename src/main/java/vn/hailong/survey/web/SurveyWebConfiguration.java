package vn.hailong.survey.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.github.bucket4j.TimeMeter;

import vn.hailong.survey.AttemptLimiter;

@Configuration(proxyBeanMethods = false)
class SurveyWebConfiguration {

    @Bean
    FilterRegistrationBean<SurveyLinkAttemptFilter> surveyLinkAttemptFilter(
            @Value("${hailong.survey-links.attempts-per-minute:30}") int attemptsPerMinute) {
        FilterRegistrationBean<SurveyLinkAttemptFilter> registration = new FilterRegistrationBean<>(
                new SurveyLinkAttemptFilter(new AttemptLimiter(attemptsPerMinute, TimeMeter.SYSTEM_MILLISECONDS)));
        registration.addUrlPatterns("/r/*");
        // Before Spring Security and Vaadin: a refused attempt costs nothing else.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
