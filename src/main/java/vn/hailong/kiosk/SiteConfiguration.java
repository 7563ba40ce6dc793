package vn.hailong.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The site's declarative configuration in {@code kiosk-config/*.yaml}: service centres, counters
 * and kiosk devices. Plain Java: it reads and checks the files; {@link SiteConfigurationLoader}
 * applies them. Every problem names the file, the line and the field; a bad entry is reported and
 * left out, the others still apply.
 */
public final class SiteConfiguration {

    public record Centre(String code, String name, String agency, String where) {}

    public record Counter(String code, String name, String centre, String where) {}

    public record Device(
            String code,
            String counter,
            @Nullable String locale,
            @Nullable Integer idleTimeoutSeconds,
            @Nullable Integer thankYouSeconds,
            @Nullable String template,
            Branding branding,
            @Nullable UnboundRatings unboundRatings,
            @Nullable AbandonedSurveys abandonedSurveys,
            String where) {}

    public record Site(List<Centre> centres, List<Counter> counters, List<Device> devices, List<String> problems) {}

    private SiteConfiguration() {}

    /** Every {@code *.yaml} / {@code *.yml} file of the folder, in name order; nothing when the folder is missing. */
    public static Site read(Path folder) {
        List<Centre> centres = new ArrayList<>();
        List<Counter> counters = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Site(centres, counters, devices, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(folder + ": cannot list the folder: " + e.getMessage());
            return new Site(centres, counters, devices, problems);
        }
        for (Path file : files) {
            Site one = read(file.toString(), file);
            centres.addAll(one.centres());
            counters.addAll(one.counters());
            devices.addAll(one.devices());
            problems.addAll(one.problems());
        }
        return new Site(centres, counters, devices, problems);
    }

    static Site read(String name, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        } catch (IOException e) {
            return new Site(List.of(), List.of(), List.of(), List.of(name + ": cannot read: " + e.getMessage()));
        }
    }

    /** Reads one file's text; {@code name} is how problems refer to it. */
    public static Site parse(String name, Reader text) {
        List<Centre> centres = new ArrayList<>();
        List<Counter> counters = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(name + ":" + line + ": not valid YAML: " + e.getProblem() + " (file skipped)");
            return new Site(centres, counters, devices, problems);
        }
        if (root == null) {
            return new Site(centres, counters, devices, problems);
        }
        if (!(root instanceof MappingNode top)) {
            problems.add(at(name, root) + ": expected sections centres:, counters:, devices: (file skipped)");
            return new Site(centres, counters, devices, problems);
        }
        for (NodeTuple section : top.getValue()) {
            String key = scalar(section.getKeyNode());
            Node value = section.getValueNode();
            if (!List.of("centres", "counters", "devices").contains(key)) {
                problems.add(at(name, section.getKeyNode()) + ": unknown section '" + key
                        + "'; expected centres, counters or devices");
                continue;
            }
            if (!(value instanceof SequenceNode list)) {
                problems.add(at(name, value) + ": " + key + ": expected a list of entries");
                continue;
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                Node entry = list.getValue().get(i);
                String field = key + "[" + i + "]";
                Map<String, Node> fields = fields(entry);
                if (fields == null) {
                    problems.add(at(name, entry) + ": " + field + ": expected fields such as code:, name:");
                    continue;
                }
                Entry e = new Entry(name, field, entry, fields, problems);
                switch (Objects.requireNonNull(key)) { // one of the three sections (checked above)
                    case "centres" -> {
                        String code = e.required("code");
                        String centreName = e.required("name");
                        String agency = e.required("agency");
                        e.only("code", "name", "agency");
                        if (e.ok()) {
                            // ok(): every required field was there
                            centres.add(new Centre(
                                    Objects.requireNonNull(code),
                                    Objects.requireNonNull(centreName),
                                    Objects.requireNonNull(agency),
                                    e.where()));
                        }
                    }
                    case "counters" -> {
                        String code = e.required("code");
                        String counterName = e.required("name");
                        String centre = e.required("centre");
                        e.only("code", "name", "centre");
                        if (e.ok()) {
                            counters.add(new Counter(
                                    Objects.requireNonNull(code),
                                    Objects.requireNonNull(counterName),
                                    Objects.requireNonNull(centre),
                                    e.where()));
                        }
                    }
                    case "devices" -> {
                        String code = e.required("code");
                        String counter = e.required("counter");
                        String locale = e.optional("locale");
                        Integer idle = e.number("idleTimeoutSeconds");
                        Integer thanks = e.number("thankYouSeconds");
                        String template = e.optional("template");
                        Branding branding = Branding.NONE;
                        Entry b = e.nested("branding");
                        if (b != null) {
                            branding = new Branding(
                                    b.optional("centreName"), b.optional("logoText"), b.optional("colour"));
                            b.only("centreName", "logoText", "colour");
                        }
                        UnboundRatings unbound = null;
                        String unboundText = e.optional("unboundRatings");
                        if (unboundText != null) {
                            try {
                                unbound = UnboundRatings.valueOf(unboundText.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException bad) {
                                e.problem(
                                        Objects.requireNonNull(fields.get("unboundRatings")),
                                        "unboundRatings",
                                        "'" + unboundText + "': expected refuse or store");
                            }
                        }
                        AbandonedSurveys abandoned = null;
                        String abandonedText = e.optional("abandonedSurveys");
                        if (abandonedText != null) {
                            try {
                                abandoned = AbandonedSurveys.valueOf(abandonedText.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException bad) {
                                e.problem(
                                        Objects.requireNonNull(fields.get("abandonedSurveys")),
                                        "abandonedSurveys",
                                        "'" + abandonedText + "': expected store or discard");
                            }
                        }
                        e.only(
                                "code",
                                "counter",
                                "locale",
                                "idleTimeoutSeconds",
                                "thankYouSeconds",
                                "template",
                                "branding",
                                "unboundRatings",
                                "abandonedSurveys");
                        if (e.ok() && (b == null || b.ok())) {
                            devices.add(new Device(
                                    Objects.requireNonNull(code),
                                    Objects.requireNonNull(counter),
                                    locale,
                                    idle,
                                    thanks,
                                    template,
                                    branding,
                                    unbound,
                                    abandoned,
                                    e.where()));
                        }
                    }
                    default -> throw new IllegalStateException(key);
                }
            }
        }
        return new Site(centres, counters, devices, problems);
    }

    /** One list entry being read; problems name its file, line and field. */
    private static final class Entry {
        private final String file;
        private final String field;
        private final Node node;
        private final Map<String, Node> fields;
        private final List<String> problems;
        private boolean ok = true;

        Entry(String file, String field, Node node, Map<String, Node> fields, List<String> problems) {
            this.file = file;
            this.field = field;
            this.node = node;
            this.fields = fields;
            this.problems = problems;
        }

        String where() {
            return at(file, node) + ": " + field;
        }

        boolean ok() {
            return ok;
        }

        private void problem(Node at, String name, String message) {
            problems.add(at(file, at) + ": " + field + "." + name + ": " + message + " (entry skipped)");
            ok = false;
        }

        /** The field's text, or null (and the entry not ok) when it is missing or empty. */
        @Nullable
        String required(String name) {
            String value = optional(name);
            if (value == null && ok && !fields.containsKey(name)) {
                problem(node, name, "is required");
            } else if (value == null && fields.containsKey(name)) {
                problem(Objects.requireNonNull(fields.get(name)), name, "must not be empty");
            }
            return value;
        }

        @Nullable
        String optional(String name) {
            Node value = fields.get(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof ScalarNode)) {
                problem(value, name, "expected a single value");
                return null;
            }
            String text = scalar(value);
            return text == null || text.isBlank() ? null : text.strip();
        }

        @Nullable
        Integer number(String name) {
            String text = optional(name);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problem(Objects.requireNonNull(fields.get(name)), name, "'" + text + "' is not a whole number");
                return null;
            }
        }

        /** A field holding fields of its own (e.g. branding:); its problems skip the entry too. */
        @Nullable
        Entry nested(String name) {
            Node value = fields.get(name);
            if (value == null) {
                return null;
            }
            Map<String, Node> inner = fields(value);
            if (inner == null) {
                problem(value, name, "expected fields such as centreName:, logoText:, colour:");
                return null;
            }
            return new Entry(file, field + "." + name, value, inner, problems);
        }

        void only(String... known) {
            List<String> allowed = List.of(known);
            fields.forEach((key, value) -> {
                if (!allowed.contains(key)) {
                    problem(value, key, "unknown field; expected " + allowed);
                }
            });
        }
    }

    private static @Nullable Map<String, Node> fields(Node entry) {
        if (!(entry instanceof MappingNode mapping)) {
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            fields.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
        }
        return fields;
    }

    private static @Nullable String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String at(String file, Node node) {
        return file + ":"
                + (node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1);
    }
}
