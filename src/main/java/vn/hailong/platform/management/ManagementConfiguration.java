package vn.hailong.platform.management;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.hailong.platform.StartupTasks;

/**
 * The actuator lives on its own port ({@code management.server.port}, MANAGEMENT_PORT, default
 * 8081), bound to loopback by default ({@code management.server.address}, MANAGEMENT_ADDRESS):
 * Prometheus and the load balancer's health checks reach it from the host or a trusted network,
 * citizens never. That port needs no log-in, so a node refuses to start with the endpoints on the
 * public port (MANAGEMENT_PORT=-1 switches the actuator off). On the public port {@code /actuator/**} is a machine path like {@code /api/}: a 404
 * problem, never the Vaadin page.
 */
@Configuration(proxyBeanMethods = false)
class ManagementConfiguration {

    ManagementConfiguration(Environment environment) {
        // DISABLED (management.server.port=-1: no actuator at all) is allowed; SAME never is.
        if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
            throw new IllegalStateException(
                    "management.server.port (MANAGEMENT_PORT) must differ from server.port (PORT): the actuator"
                            + " has no log-in and must never answer on the public port (docs/operations.md, \"Health and metrics\")");
        }
    }

    /**
     * Spring Security's filter chain serves the management port too (Boot registers it there); on
     * that port every endpoint is open to whoever can reach the port. First of all chains, so that
     * the UI chain's log-in redirect never answers a probe. The same chain takes {@code /actuator/**}
     * on the public port, where no endpoint is mapped: the answer is the 404 problem. On the
     * management port it takes every request, not only the endpoints' paths ({@code EndpointRequest}):
     * a 404 there is dispatched to {@code /error}, which the UI chain would answer with its log-in redirect.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        http.securityMatchers(m -> m.requestMatchers(ManagementConfiguration::onManagementServer)
                        .requestMatchers("/actuator", "/actuator/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** Whether the request reached the management server (its own Tomcat and child context), whatever its path. */
    static boolean onManagementServer(HttpServletRequest request) {
        WebApplicationContext context =
                WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
        return WebServerApplicationContext.hasServerNamespace(context, "management");
    }

    /** Named {@code startup} in the health groups (the bean name less "HealthIndicator"). */
    @Bean
    HealthIndicator startupHealthIndicator(StartupTasks tasks) {
        return new StartupHealth(tasks);
    }
}
