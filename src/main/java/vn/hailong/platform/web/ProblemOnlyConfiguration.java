package vn.hailong.platform.web;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The paths whose callers are programs, not people: the integrator API and the kiosk tablet's
 * outbox. Their clients act on the status alone (a 2xx means "stored, forget it"), so every
 * failure there must be a problem with an error status, never a page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MachineRequestProperties.class, SecurityHeadersProperties.class})
class ProblemOnlyConfiguration {

    /** {@code /actuator/}: no endpoint answers on the public port (they are on the management port), only its 404 problem. */
    static final List<String> MACHINE_PATHS = List.of("/api/", "/kiosk-device/", "/actuator/");

    @Bean
    FilterRegistrationBean<ProblemOnlyFilter> problemOnlyFilter() {
        FilterRegistrationBean<ProblemOnlyFilter> registration =
                new FilterRegistrationBean<>(new ProblemOnlyFilter(MACHINE_PATHS));
        // Mapped to every path because an error dispatch goes to /error: the filter itself looks at
        // the path the request (or the failed request) was for.
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // Ahead of Spring Security (-100) and everything else that can fail; behind only the
        // character encoding and observation filters, so that those see the final status.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MachineRequestFilter> machineRequestFilter(MachineRequestProperties properties) {
        FilterRegistrationBean<MachineRequestFilter> registration = new FilterRegistrationBean<>(
                new MachineRequestFilter(MACHINE_PATHS, properties.maxBodySize().toBytes()));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // Right behind the problem-only filter (whose wrapper turns anything below into a problem),
        // before security: an oversized or non-JSON body is refused before anything reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(SecurityHeadersProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter(
                        MACHINE_PATHS,
                        properties.frameAncestors(),
                        properties.hsts().maxAge(),
                        properties.hsts().includeSubDomains()));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // First of all: whatever answers below (a filter that refuses, a page, a resource) carries them.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    MachinePathErrorValve.Customizer machinePathErrorValve() {
        return new MachinePathErrorValve.Customizer();
    }
}
