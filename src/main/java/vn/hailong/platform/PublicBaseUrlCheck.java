package vn.hailong.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code prod} profile, start-up stops before any bean (database, migrations, the port) is
 * created when {@code PUBLIC_BASE_URL} is missing or points at this machine: otherwise every QR code
 * printed on a receipt and every kiosk enrolment link would lead nowhere. The demo, test and default
 * profiles keep their local default.
 */
@Configuration(proxyBeanMethods = false)
class PublicBaseUrlCheck {

    @Bean
    static BeanFactoryPostProcessor publicBaseUrlIsPublicInProduction(Environment environment) {
        return beanFactory -> {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                PublicBaseUrl.problem(environment.getProperty(PublicBaseUrl.PROPERTY))
                        .ifPresent(problem -> {
                            throw new PublicBaseUrlNotPublicException(problem);
                        });
            }
        };
    }

    /** Turned into Spring Boot's "APPLICATION FAILED TO START" report by {@link PublicBaseUrlFailureAnalyzer}. */
    static final class PublicBaseUrlNotPublicException extends IllegalStateException {

        private final String problem;

        PublicBaseUrlNotPublicException(String problem) {
            super(PublicBaseUrl.VARIABLE + " (" + PublicBaseUrl.PROPERTY
                    + ") must be the public address of this installation in the prod "
                    + "profile, but " + problem
                    + ". Survey QR codes on receipts and kiosk enrolment links are built from it. "
                    + "Set it, e.g. " + PublicBaseUrl.VARIABLE + "=https://hailong.example.gov.vn");
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }
}
