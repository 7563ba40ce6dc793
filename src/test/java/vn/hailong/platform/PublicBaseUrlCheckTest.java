package vn.hailong.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.hailong.HaiLongApplication;
import vn.hailong.KeepsSecurityStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In the prod profile the application does not start with a missing or local public base URL, and
 * says why; the other profiles start with their local default. Spring's own context, with the
 * check's configuration and a bean standing for the rest of the application.
 */
@ExtendWith(OutputCaptureExtension.class)
// Contexts of its own next to the shared one: put the shared one's security strategy back afterwards.
@ExtendWith(KeepsSecurityStrategy.class)
class PublicBaseUrlCheckTest {

    private final ApplicationContextRunner app =
            new ApplicationContextRunner().withUserConfiguration(PublicBaseUrlCheck.class, RestOfTheApplication.class);

    @Test
    void prod_without_public_base_url_fails_before_any_other_bean_with_a_message_naming_the_variable() {
        RestOfTheApplication.OPENED.set(false);
        app.withPropertyValues("spring.profiles.active=prod", "hailong.public-base-url=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    Throwable root = rootOf(failure);
                    assertThat(root).isInstanceOf(PublicBaseUrlCheck.PublicBaseUrlNotPublicException.class);
                    assertThat(RestOfTheApplication.OPENED)
                            .as("no other bean was created")
                            .isFalse();
                    assertThat(root.getMessage())
                            .contains("PUBLIC_BASE_URL", "hailong.public-base-url", "prod", "it is missing");
                    FailureAnalysis analysis = new PublicBaseUrlFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("PUBLIC_BASE_URL", "it is missing", "QR code");
                    assertThat(analysis.getAction()).contains("Set PUBLIC_BASE_URL");
                });
    }

    @Test
    void prod_with_a_localhost_public_base_url_fails() {
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:8080"}) {
            app.withPropertyValues("spring.profiles.active=prod", "hailong.public-base-url=" + local)
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(rootOf(context.getStartupFailure()).getMessage())
                                .contains("PUBLIC_BASE_URL", local, "points at this machine");
                    });
        }
    }

    @Test
    void prod_with_a_public_address_starts() {
        app.withPropertyValues("spring.profiles.active=prod", "hailong.public-base-url=https://hailong.example.gov.vn")
                .run(context -> assertThat(context).hasNotFailed().hasBean("database"));
    }

    @Test
    void the_default_demo_and_test_profiles_start_without_it() {
        app.run(context -> assertThat(context).hasNotFailed().hasBean("database"));
        app.withPropertyValues("spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed());
        app.withPropertyValues("spring.profiles.active=test", "hailong.public-base-url=http://localhost:8080")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void the_real_application_in_prod_with_a_localhost_address_stops_with_spring_boot_s_report(CapturedOutput output) {
        SpringApplication application = new SpringApplication(HaiLongApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run(
                        "--spring.profiles.active=prod",
                        "--hailong.public-base-url=http://localhost:8080",
                        "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/never-opened"))
                .isInstanceOf(PublicBaseUrlCheck.PublicBaseUrlNotPublicException.class);
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "APPLICATION FAILED TO START",
                        "PUBLIC_BASE_URL (hailong.public-base-url)",
                        "points at this machine",
                        "Set PUBLIC_BASE_URL");
    }

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
