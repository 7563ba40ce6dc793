package vn.hailong.kiosk.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The tablet's own endpoints. Open to anonymous callers because the device proves itself with its
 * cookie, checked by the service on every call; Spring's CSRF token is off here because the
 * outbox may resend after the Vaadin session (and its token) is gone: the SameSite=Strict cookie and
 * the required {@code X-Hailong-Kiosk} header protect instead. The HTTP session is still read, so a
 * staff member logged in on the tablet is recognised and refused by the rating service.
 */
@Configuration(proxyBeanMethods = false)
class KioskWebSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain kioskDevice(HttpSecurity http) throws Exception {
        http.securityMatcher("/kiosk-device/**")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
