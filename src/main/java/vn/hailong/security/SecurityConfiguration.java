package vn.hailong.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import vn.hailong.platform.StartupTask;
import vn.hailong.security.ui.LoginView;

/**
 * Two filter chains: the integrator API (stateless, API keys, problem-detail errors) and the
 * Vaadin UI (form log-in, view access by annotations; citizens' pages are anonymous).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties({ApiKeyService.ApiProperties.class, LoginThrottlePolicy.class, TwoFactorPolicy.class})
class SecurityConfiguration {

    static final List<String> PUBLIC_API = List.of("/api/v1/openapi", "/api/v1/openapi/**");
    /** The paths of scope {@code index}: the index and the units' entered indicators. */
    static final List<String> INDEX_API = List.of("/api/v1/index", "/api/v1/index/**", "/api/v1/units/*/indicators/**");

    @Bean
    @Order(1)
    SecurityFilterChain integratorApi(
            HttpSecurity http, ApiKeyService keys, ObjectProvider<SecurityContextHolderStrategy> strategies)
            throws Exception {
        // Looked up as Spring Security's own configurers do, so the key filter and authorisation share it.
        SecurityContextHolderStrategy contexts =
                strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        // A lean chain: every call carries its key, so nothing here needs a session, and the filters
        // that serve browsers (log-out, saved requests, the servlet API wrapper) would only cost time
        // on every call. Kept: the firewall, the security headers, the key filter, authorisation.
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, contexts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_API.toArray(String[]::new))
                        .permitAll()
                        // A manager's key (scope index) reaches the index's paths only; what it may do
                        // there is its account's role and units (the services' own checks).
                        .requestMatchers(INDEX_API.toArray(String[]::new))
                        .hasAnyAuthority(Role.INTEGRATOR_AUTHORITY, ApiKeyService.INDEX_SCOPE_AUTHORITY)
                        .anyRequest()
                        .hasAuthority(Role.INTEGRATOR_AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "API key required",
                                "Send the API key as 'Authorization: Bearer <key>'.",
                                "Authorization"))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(
                                response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", ex.getMessage(), null)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain userInterface(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        // Our own stylesheets (META-INF/resources/styles/, loaded by @StyleSheet on the app shell)
        // must reach anonymous citizens too; Vaadin's configurer only opens its own resources.
        // springdoc's page for integrators (on in the demo profile only) reads the public OpenAPI document.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll());
        // Vaadin's own CSRF set-up also exempts the log-in form, which leaves log-in CSRF open (a
        // site logging a manager in to an account of its choosing). Only Vaadin's internal requests,
        // which carry Vaadin's own token, are exempt here; the log-in form sends Spring's token from
        // the meta tags Vaadin writes into the page.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // A locked log-in gets its own message (how long to wait), one the password could not be
        // checked for its own (try again soon); any other failure the usual one. The exception stays
        // in the session (as Spring's failure handler keeps it) for the page to say until when.
        Map<String, SimpleUrlAuthenticationFailureHandler> handlers = new ConcurrentHashMap<>();
        http.formLogin(form -> form.failureHandler((request, response, failure) -> handlers.computeIfAbsent(
                        failureUrl(failure), SimpleUrlAuthenticationFailureHandler::new)
                .onAuthenticationFailure(request, response, failure)));
        return http.build();
    }

    /**
     * Where a failed log-in goes. An {@link InternalAuthenticationServiceException}
     * means the password was never checked (the database could not be reached, e.g. a full pool or a
     * cluster member going away, ADR 085): telling the user "wrong password" would be false, and no
     * audit entry is written for it, as no log-in was tried.
     */
    static String failureUrl(AuthenticationException failure) {
        if (failure instanceof LoginThrottledException) {
            return "/login?locked";
        }
        if (failure instanceof InternalAuthenticationServiceException) {
            return "/login?unavailable";
        }
        return "/login?error";
    }

    /** Password log-in behind the throttle (ADR 080); the only authentication provider of the UI. */
    @Bean
    AuthenticationProvider managerLogIn(
            AccountService accounts, PasswordEncoder passwords, LoginProtection protection, TwoFactorPolicy twoFactor) {
        DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(accounts);
        checkPassword.setPasswordEncoder(passwords);
        return new ThrottledAuthenticationProvider(checkPassword, protection, twoFactor);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: bcrypt today, and stored hashes name their algorithm so it can be upgraded.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The first administrator (docs/operations.md, Production): a fresh installation has no account otherwise. */
    @Bean
    StartupTask provisionFirstAdministrator(AccountService accounts, Environment environment) {
        return StartupTask.of(StartupTask.Step.ACCOUNTS, () -> {
            String username = environment.getProperty("hailong.security.first-admin.username", "");
            if (accounts.ensureFirstAdministrator(
                    username, environment.getProperty("hailong.security.first-admin.password", ""))) {
                LoggerFactory.getLogger(SecurityConfiguration.class)
                        .warn(
                                "Created the first administrator '{}' with the configured one-time password: log in and replace it now",
                                username.strip());
            }
        });
    }

    @Bean
    StartupTask provisionBootstrapApiKeys(ApiKeyService keys, ApiKeyService.ApiProperties properties) {
        return StartupTask.of(
                StartupTask.Step.API_KEYS,
                () -> properties.bootstrapKeys().stream()
                        .filter(k -> !k.heldByAccount())
                        .forEach(k ->
                                keys.provision(k.name(), k.key(), k.unit(), Boolean.TRUE.equals(k.managesWebhooks()))));
    }

    /** Managers' keys ({@code account} set) once the accounts exist, the demo's included. */
    @Bean
    StartupTask provisionManagersApiKeys(ApiKeyService keys, ApiKeyService.ApiProperties properties) {
        return StartupTask.of(
                StartupTask.Step.MANAGER_API_KEYS,
                () -> properties.bootstrapKeys().stream()
                        .filter(ApiKeyService.ApiProperties.BootstrapKey::heldByAccount)
                        .forEach(k -> keys.provisionForAccount(k.name(), k.key(), k.account())));
    }
}
