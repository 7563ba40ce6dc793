package vn.hailong;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults written once (issue 21, item 5): a setting's default is on its record
 * ({@code @DefaultValue} or the compact constructor) or, for a job's interval that no record holds,
 * in its {@code @Scheduled} placeholder; application.yaml names only what maps an operator's
 * environment variable or differs by profile. This binds the records and resolves the jobs'
 * intervals as Spring Boot does for the demo (default), prod and test profiles, and compares them
 * with the values they had when application.yaml still repeated the defaults.
 */
class ConfigurationDefaultsTest {

    /** The records whose defaults application.yaml used to repeat. */
    private static final List<String> RECORDS = List.of(
            "vn.hailong.survey.SurveyDraftProperties",
            "vn.hailong.survey.web.SurveyHelpProperties",
            "vn.hailong.followup.FollowUpProperties",
            "vn.hailong.notification.MailProperties",
            "vn.hailong.index.IndexScheduleProperties",
            "vn.hailong.dashboard.DashboardProperties",
            "vn.hailong.kiosk.KioskProperties",
            "vn.hailong.kiosk.AnomalyRules",
            "vn.hailong.kiosk.KeypadRules",
            "vn.hailong.kiosk.OfflineAlertProperties",
            "vn.hailong.webhook.WebhookProperties");

    /** The jobs whose interval is a setting: class, method. */
    private static final List<List<String>> JOBS = List.of(
            List.of("vn.hailong.notification.MailDispatcher", "sendPending"),
            List.of("vn.hailong.followup.FollowUpEscalations", "escalateOverdueNow"),
            List.of("vn.hailong.kiosk.KioskSignals", "pollOtherNodes"),
            List.of("vn.hailong.kiosk.OfflineAlertService", "scheduledCheck"),
            List.of("vn.hailong.index.IndexSchedule", "onTimer"),
            List.of("vn.hailong.aggregation.RollupMaintainer", "sweep"));

    /**
     * What each profile's settings were with the defaults repeated in application.yaml (before issue
     * 21, item 5), printed by this test from that application.yaml: they must stay so.
     */
    private static final String DEMO = """
            SurveyDraftProperties = SurveyDraftProperties[draftTtl=PT1H]
            SurveyHelpProperties = SurveyHelpProperties[name=, phone=]
            FollowUpProperties = FollowUpProperties[deadlineWorkingDays=5, holidays=[]]
            MailProperties = MailProperties[from=hai-long@localhost, baseUrl=http://localhost:8080, retryAfter=PT5M]
            IndexScheduleProperties = IndexScheduleProperties[enabled=true, schemes=[default], holidays=[], runAt=06:00, remindAfterWorkingDays=5, checkEvery=PT15M]
            DashboardProperties = DashboardProperties[defaultMonths=12, officerMinRatings=5, outlierMinReturned=10]
            KioskProperties = KioskProperties[handoverValidFor=PT10M, enrolmentValidFor=PT15M, idleTimeout=PT1M, thankYou=PT6S, crossNodePoll=PT2S, credentialMaxAge=PT4320H, credentialRenewAfter=PT24H, unboundRatings=REFUSE, abandonedSurveys=STORE, configDir=kiosk-config]
            AnomalyRules = AnomalyRules[fastAfterHandover=PT5S, burstWithin=PT2M, burstCount=5, opensAt=07:00, closesAt=17:30, openDays=[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY], topStreak=10]
            KeypadRules = KeypadRules[statuses=[RETURNED], servedUnits=CENTRE, returnedWithin=PT720H]
            OfflineAlertProperties = OfflineAlertProperties[after=PT15M, checkEvery=PT1M]
            WebhookProperties = WebhookProperties[secretKey=(hidden), retrySchedule=[PT5S, PT5M, PT30M, PT2H, PT5H, PT10H, PT10H], disableAfter=PT120H, timeout=PT15S, claimLease=PT2M, poll=PT1S, requireHttps=false, allowedHosts=[], dispatch=true, subscriptionsCache=PT5S]
            MailDispatcher.sendPending = PT30S / PT30S
            FollowUpEscalations.escalateOverdueNow = PT5M / PT5M
            KioskSignals.pollOtherNodes = PT2S
            OfflineAlertService.scheduledCheck = PT1M / PT1M
            IndexSchedule.onTimer = PT15M / PT15M
            RollupMaintainer.sweep = PT5M / PT5M
            """;

    /** The production profile: the demo's settings but for these. */
    private static final String PROD = replacing(
            DEMO,
            "KioskProperties = KioskProperties[handoverValidFor=PT10M, enrolmentValidFor=PT15M, idleTimeout=PT1M, thankYou=PT6S, crossNodePoll=PT2S, credentialMaxAge=PT4320H, credentialRenewAfter=PT24H, unboundRatings=REFUSE, abandonedSurveys=STORE, configDir=]",
            "WebhookProperties = WebhookProperties[secretKey=(none), retrySchedule=[PT5S, PT5M, PT30M, PT2H, PT5H, PT10H, PT10H], disableAfter=PT120H, timeout=PT15S, claimLease=PT2M, poll=PT1S, requireHttps=true, allowedHosts=[], dispatch=true, subscriptionsCache=PT5S]");

    /** The test profile: the demo's settings but for these. */
    private static final String TEST = replacing(
            DEMO,
            "SurveyHelpProperties = SurveyHelpProperties[name=Trung tâm Phục vụ hành chính công tỉnh, phone=0274 3822 000]",
            "IndexScheduleProperties = IndexScheduleProperties[enabled=false, schemes=[default], holidays=[], runAt=06:00, remindAfterWorkingDays=5, checkEvery=PT15M]",
            "KioskProperties = KioskProperties[handoverValidFor=PT10M, enrolmentValidFor=PT15M, idleTimeout=PT1M, thankYou=PT6S, crossNodePoll=PT2S, credentialMaxAge=PT4320H, credentialRenewAfter=PT24H, unboundRatings=REFUSE, abandonedSurveys=STORE, configDir=]",
            "WebhookProperties = WebhookProperties[secretKey=(hidden), retrySchedule=[PT0.2S, PT0.4S], disableAfter=PT0S, timeout=PT2S, claimLease=PT2M, poll=PT1S, requireHttps=false, allowedHosts=[localhost], dispatch=false, subscriptionsCache=PT5S]",
            "MailDispatcher.sendPending = PT24H / PT24H",
            "FollowUpEscalations.escalateOverdueNow = PT24H / PT24H");

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @ParameterizedTest
    @ValueSource(strings = {"demo", "prod", "test"})
    void the_effective_settings_are_those_application_yaml_used_to_write(String profile) throws Exception {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false);
        if (!profile.equals("demo")) {
            builder.profiles(profile);
        }
        builder.application().setInitializers(List.of());
        try (ConfigurableApplicationContext context = builder.run()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            // The demo is the default profile (spring.profiles.default), the others are activated.
            assertThat(environment.getActiveProfiles())
                    .containsExactlyElementsOf(profile.equals("demo") ? List.of() : List.of(profile));
            assertThat(environment.matchesProfiles(profile)).isTrue();
            StringBuilder actual = new StringBuilder();
            effective(environment)
                    .forEach((k, v) -> actual.append(k).append(" = ").append(v).append('\n'));
            String expected = switch (profile) {
                case "demo" -> DEMO;
                case "prod" -> PROD;
                default -> TEST;
            };
            assertThat(actual.toString()).isEqualTo(expected);
        }
    }

    /**
     * The profile-independent part of application.yaml sets an application setting only to map an
     * operator's environment variable ({@code ${VARIABLE:...}}) or to document one by an empty list
     * (the bootstrap API keys); a plain value there would repeat a record's default or hide it.
     */
    @Test
    void application_yaml_repeats_no_default_of_the_applications_own_settings() throws Exception {
        EnumerablePropertySource<?> shared = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"))
                .getFirst();
        List<String> plain = new ArrayList<>();
        for (String name : shared.getPropertyNames()) {
            String value = String.valueOf(shared.getProperty(name));
            if (name.startsWith("hailong.") && !value.startsWith("${") && !value.isEmpty()) {
                plain.add(name + " = " + value);
            }
        }
        assertThat(plain).isEmpty();
    }

    private static Map<String, String> effective(ConfigurableEnvironment environment) throws Exception {
        Binder binder = Binder.get(environment);
        Map<String, Object> beans = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : RECORDS) {
            Class<?> type = Class.forName(name);
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            Object bound = binder.bindOrCreate(prefix, type);
            // The bean's name when registered by @EnableConfigurationProperties: <prefix>-<class>.
            beans.put(prefix + "-" + name, bound);
            values.put(type.getSimpleName(), bound.toString());
        }
        StandardEvaluationContext spel = new StandardEvaluationContext();
        BeanResolver resolver = (context, beanName) -> Objects.requireNonNull(beans.get(beanName), beanName);
        spel.setBeanResolver(resolver);
        SpelExpressionParser parser = new SpelExpressionParser();
        for (List<String> job : JOBS) {
            Class<?> type = Class.forName(job.get(0));
            Method method = type.getDeclaredMethod(job.get(1));
            Scheduled scheduled = method.getAnnotation(Scheduled.class);
            for (String interval : List.of(scheduled.fixedDelayString(), scheduled.initialDelayString())) {
                if (interval.isEmpty()) {
                    continue;
                }
                String resolved = environment.resolveRequiredPlaceholders(interval);
                if (resolved.startsWith("#{")) {
                    resolved = String.valueOf(parser.parseExpression(resolved.substring(2, resolved.length() - 1))
                            .getValue(spel));
                }
                values.merge(type.getSimpleName() + "." + job.get(1), resolved, (a, b) -> a + " / " + b);
            }
        }
        return values;
    }

    /**
     * {@code base}'s lines with those named in {@code lines} (by what stands before " = ") replaced,
     * in base's order: a profile's expected settings written as what differs from the demo's, each
     * line still whole. A name base does not have is a mistake in the test, not a new line.
     */
    private static String replacing(String base, String... lines) {
        Map<String, String> byName = new LinkedHashMap<>();
        base.lines().forEach(line -> byName.put(nameOf(line), line));
        for (String line : lines) {
            if (byName.replace(nameOf(line), line) == null) {
                throw new IllegalArgumentException("no setting " + nameOf(line) + " to replace");
            }
        }
        StringBuilder result = new StringBuilder();
        byName.values().forEach(line -> result.append(line).append('\n'));
        return result.toString();
    }

    private static String nameOf(String line) {
        return line.substring(0, line.indexOf(" = "));
    }
}
