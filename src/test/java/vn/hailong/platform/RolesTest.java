package vn.hailong.platform;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One style of access rule (issue 21, item 5): the role names and {@code @PreAuthorize}
 * expressions are written once, in {@link Roles}, and every guard of a service names one of them.
 */
class RolesTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/hailong");
    private static final Pattern ROLE_IN_EXPRESSION = Pattern.compile("'([A-Z_]+)'");
    /** An access rule or a role's name written as a literal where a constant of Roles belongs. */
    private static final Pattern LITERAL_RULE = Pattern.compile(
            "@PreAuthorize\\(\"[^\"]*has(Any)?Role|@RolesAllowed\\(\\{?\"|\"(ROLE_)?(ADMIN|PROVINCE_MANAGER"
                    + "|UNIT_MANAGER|AUDITOR|OFFICER|DATA_ENTRY|INTEGRATOR|WEBHOOK_MANAGER)\"");

    @Test
    void the_role_names_are_those_of_the_users_roles_and_the_keys_authorities() {
        Set<String> expected = new HashSet<>();
        Arrays.stream(Role.values()).map(Role::name).forEach(expected::add);
        expected.add(Role.INTEGRATOR_AUTHORITY.substring("ROLE_".length()));
        expected.add(Role.WEBHOOK_MANAGER_AUTHORITY.substring("ROLE_".length()));
        assertThat(names()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void every_expression_parses_and_names_only_known_roles() {
        Set<String> names = names();
        SpelExpressionParser parser = new SpelExpressionParser();
        for (String expression : expressions()) {
            parser.parseExpression(expression);
            Matcher m = ROLE_IN_EXPRESSION.matcher(expression);
            int roles = 0;
            while (m.find()) {
                assertThat(names).as(expression).contains(m.group(1));
                roles++;
            }
            assertThat(roles).as(expression).isPositive();
        }
    }

    @Test
    void no_guard_writes_its_roles_itself() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("platform/Roles.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (LITERAL_RULE.matcher(lines.get(i)).find()) {
                        literal.add(SOURCES.relativize(file) + ":" + (i + 1) + " "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(literal).as("use a constant of vn.hailong.platform.Roles").isEmpty();
        // The check itself sees a literal rule.
        assertThat(LITERAL_RULE.matcher("@PreAuthorize(\"hasRole('ADMIN')\")").find())
                .isTrue();
        assertThat(LITERAL_RULE
                        .matcher("@RolesAllowed({\"ADMIN\", \"AUDITOR\"})")
                        .find())
                .isTrue();
        assertThat(LITERAL_RULE
                        .matcher("auth.hasAnyRole(\"ADMIN\", Roles.AUDITOR)")
                        .find())
                .isTrue();
        assertThat(LITERAL_RULE.matcher("Set.of(\"ROLE_OFFICER\")").find()).isTrue();
        assertThat(LITERAL_RULE.matcher("@PreAuthorize(Roles.IS_ADMIN)").find()).isFalse();
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>();
        for (Field f : constants()) {
            String value = value(f);
            if (!value.contains("(")) {
                assertThat(value).as(f.getName()).isEqualTo(f.getName());
                names.add(value);
            }
        }
        return names;
    }

    private static List<String> expressions() {
        return constants().stream()
                .map(RolesTest::value)
                .filter(v -> v.contains("("))
                .toList();
    }

    private static List<Field> constants() {
        return Arrays.stream(Roles.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .toList();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
