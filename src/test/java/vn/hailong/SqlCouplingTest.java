package vn.hailong;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second dependency graph, the one in SQL strings, made visible and guarded (ADR 100):
 * {@code ModularityTests} sees Java types only, so a module's SQL could read any table. Every
 * table the migrations create has an owning module ({@code architecture/sql-coupling.properties});
 * a module may name another's table only where that file allows it, only in a class named
 * {@code *ReadModel} (or one listed as debt, or exempt, with why), and the file lists nothing that
 * the code no longer does.
 */
class SqlCouplingTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/vn/hailong");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE =
            Pattern.compile("RENAME\\s+TABLE\\s+`?(\\w+)`?\\s+TO\\s+`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE =
            Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    /** Java string literals and text blocks: SQL lives there, and words in comments do not count. */
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    private static final Pattern TABLE_AFTER_KEYWORD =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+`?(\\w+)", Pattern.CASE_INSENSITIVE);

    /** The rules of the properties file. */
    record Rules(
            Map<String, String> owners,
            Map<String, Set<String>> reads,
            Map<String, Set<String>> debt,
            Set<String> exempt) {

        static Rules load() throws IOException {
            Properties p = new Properties();
            try (InputStream in = SqlCouplingTest.class.getResourceAsStream("/architecture/sql-coupling.properties")) {
                p.load(in);
            }
            Map<String, String> owners = new LinkedHashMap<>();
            Map<String, Set<String>> reads = new LinkedHashMap<>();
            Map<String, Set<String>> debt = new LinkedHashMap<>();
            Set<String> exempt = new TreeSet<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String value = p.getProperty(key).strip();
                if (key.startsWith("owner.")) {
                    owners.put(key.substring("owner.".length()), value);
                } else if (key.startsWith("read.")) {
                    assertThat(value).as("%s needs its reason after '|'", key).matches(".+\\|\\s*\\S.*");
                    reads.put(key.substring("read.".length()), names(value.substring(0, value.indexOf('|'))));
                } else if (key.startsWith("debt.")) {
                    debt.put(key.substring("debt.".length()), names(value));
                } else if (key.startsWith("exempt.")) {
                    assertThat(value).as("%s needs its reason", key).isNotBlank();
                    exempt.add(key.substring("exempt.".length()));
                } else {
                    throw new AssertionError("unknown key " + key);
                }
            }
            return new Rules(owners, reads, debt, exempt);
        }

        private static Set<String> names(String list) {
            Set<String> names = new TreeSet<>();
            Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(names::add);
            return names;
        }
    }

    /** One place where a module's class names a table in SQL. */
    record Use(String module, String className, String table) {}

    /** What the checker found: the rule each use breaks, and the rules no use needs any more. */
    record Findings(List<String> violations, List<String> unused) {}

    /** The tables named in SQL in a source file's string literals that are known tables. */
    static Set<String> tablesNamedIn(String source, Set<String> tables) {
        Set<String> named = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher table = TABLE_AFTER_KEYWORD.matcher(text);
            while (table.find()) {
                String name = table.group(1).toLowerCase(Locale.ROOT);
                if (tables.contains(name)) {
                    named.add(name);
                }
            }
        }
        return named;
    }

    static Findings check(Rules rules, List<Use> uses) {
        List<String> violations = new ArrayList<>();
        Set<String> usedReads = new LinkedHashSet<>();
        Set<String> usedDebt = new LinkedHashSet<>();
        for (Use use : uses) {
            String owner = rules.owners().get(use.table());
            if (use.module().equals(owner)) {
                continue;
            }
            String read = use.module() + "." + use.table();
            String place = use.module() + "." + use.className();
            if (!rules.reads().getOrDefault(read, Set.of()).contains(use.className())) {
                violations.add(use.className() + " (module " + use.module() + ") names table " + use.table()
                        + " of module " + owner + ": not allowed by read." + read);
                continue;
            }
            usedReads.add(read + "=" + use.className());
            boolean readModel = use.className().endsWith("ReadModel");
            boolean debt = rules.debt().getOrDefault(place, Set.of()).contains(use.table());
            if (debt) {
                usedDebt.add(place + "=" + use.table());
            }
            if (!readModel && !debt && !rules.exempt().contains(place)) {
                violations.add(use.className() + " (module " + use.module() + ") names table " + use.table()
                        + " of module " + owner + " outside a *ReadModel class");
            }
        }
        List<String> unused = new ArrayList<>();
        rules.reads()
                .forEach((read, classes) -> classes.stream()
                        .filter(c -> !usedReads.contains(read + "=" + c))
                        .forEach(c ->
                                unused.add("read." + read + " lists " + c + ", which no longer names that table")));
        rules.debt()
                .forEach((place, tables) -> tables.stream()
                        .filter(t -> !usedDebt.contains(place + "=" + t))
                        .forEach(t -> unused.add("debt." + place + " lists " + t + ", which is paid off: remove it")));
        return new Findings(violations, unused);
    }

    static Set<String> migratedTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql"))
                    .sorted(SqlCouplingTest::byVersion)
                    .toList()) {
                String sql = Files.readString(file);
                CREATE_TABLE
                        .matcher(sql)
                        .results()
                        .forEach(m -> tables.add(m.group(1).toLowerCase(Locale.ROOT)));
                RENAME_TABLE.matcher(sql).results().forEach(m -> {
                    tables.remove(m.group(1).toLowerCase(Locale.ROOT));
                    tables.add(m.group(2).toLowerCase(Locale.ROOT));
                });
                DROP_TABLE
                        .matcher(sql)
                        .results()
                        .forEach(m -> tables.remove(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return tables;
    }

    private static int byVersion(Path a, Path b) {
        return Integer.compare(version(a), version(b));
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    static List<Use> usesInMainSources(Set<String> tables) throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class
                }
                String module = relative.getName(0).toString();
                String className = file.getFileName().toString().replace(".java", "");
                tablesNamedIn(Files.readString(file), tables).forEach(t -> uses.add(new Use(module, className, t)));
            }
        }
        return uses;
    }

    @Test
    void every_table_the_migrations_create_has_exactly_one_owning_module() throws IOException {
        Set<String> tables = migratedTables();
        Rules rules = Rules.load();
        assertThat(tables).as("tables of the migrations").hasSizeGreaterThan(40);
        assertThat(rules.owners().keySet())
                .as("owner.<table> in architecture/sql-coupling.properties")
                .containsExactlyInAnyOrderElementsOf(tables);
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> modules.add(d.getFileName().toString()));
        }
        assertThat(modules).as("owners are modules").containsAll(rules.owners().values());
    }

    @Test
    void a_module_names_another_modules_table_only_where_allowed_and_in_a_read_model() throws IOException {
        Set<String> tables = migratedTables();
        Findings findings = check(Rules.load(), usesInMainSources(tables));
        assertThat(findings.violations())
                .as("SQL naming another module's table (ADR 100)")
                .isEmpty();
        assertThat(findings.unused()).as("rules the code no longer needs").isEmpty();
    }

    @Test
    void the_checker_catches_a_deliberate_violation_and_a_foreign_read_outside_a_read_model() throws IOException {
        Rules rules = Rules.load();
        Set<String> tables = migratedTables();
        String webhookReadsRatings = """
                class Sneaky {
                    // a comment that says "taken from rating" does not count
                    String sql = "SELECT r.id FROM rating r JOIN dossier d ON d.id = r.dossier_id";
                }
                """;
        List<Use> uses = new ArrayList<>(usesInMainSources(tables));
        tablesNamedIn(webhookReadsRatings, tables).forEach(t -> uses.add(new Use("webhook", "Sneaky", t)));
        assertThat(tablesNamedIn(webhookReadsRatings, tables)).containsExactly("dossier", "rating");
        assertThat(check(rules, uses).violations())
                .containsExactly(
                        "Sneaky (module webhook) names table dossier of module intake: not allowed by read.webhook.dossier",
                        "Sneaky (module webhook) names table rating of module rating: not allowed by read.webhook.rating");

        // Allowed for the module, but written in an application service instead of a read model.
        List<Use> outside = new ArrayList<>(usesInMainSources(tables));
        outside.add(new Use("feed", "RatingFeed", "rating"));
        Rules allowing = new Rules(
                rules.owners(), withClass(rules.reads(), "feed.rating", "RatingFeed"), rules.debt(), rules.exempt());
        assertThat(check(allowing, outside).violations())
                .containsExactly(
                        "RatingFeed (module feed) names table rating of module rating outside a *ReadModel class");
    }

    private static Map<String, Set<String>> withClass(Map<String, Set<String>> reads, String read, String className) {
        Map<String, Set<String>> copy = new LinkedHashMap<>(reads);
        Set<String> classes = new TreeSet<>(copy.getOrDefault(read, Set.of()));
        classes.add(className);
        copy.put(read, classes);
        return copy;
    }
}
