package vn.hailong.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.index.internal.IndexJson;
import vn.hailong.platform.Ids;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;

/**
 * Methodologies as versioned, stored configuration. A methodology row is never changed: a new
 * rule is a new version, and snapshots keep the id of the version they were computed with.
 */
@Service
public class MethodologyService {

    /** The scheme seeded by migration V10 from domain.md's defaults. */
    public static final String DEFAULT_SCHEME = "default";

    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final MethodologyStore store;
    private final Clock clock;
    // Rows never change, so a version once read can be kept.
    private final Map<UUID, Methodology> byId = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    MethodologyService(MethodologyStore store, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The methodology of a scheme for a year: its latest version made for that year, or else its
     * latest version for any year.
     *
     * @throws InvalidInputException naming {@code scheme} if the scheme is unknown
     */
    @Transactional(readOnly = true)
    public Methodology forYear(String scheme, int year) {
        checkScheme(scheme);
        return get(store.latestFor(scheme, year)
                .orElseThrow(() -> InvalidInputException.unprocessable(
                        "scheme", "no methodology '" + scheme + "' for " + year + "; known schemes: " + schemes())));
    }

    @Transactional(readOnly = true)
    public Methodology get(UUID id) {
        Methodology cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        Methodology m = store.methodology(id).orElseThrow(() -> new NotFoundException("no methodology " + id));
        byId.put(id, m);
        return m;
    }

    /** Every version of a scheme, newest first. */
    @Transactional(readOnly = true)
    public List<Methodology> versions(String scheme) {
        return store.versionsOf(scheme).stream().map(this::get).toList();
    }

    /**
     * The indicators that units enter for a year: those some scheme's methodology for that year
     * takes from unit entries. An entry of any other indicator would be ignored by every
     * computation, so it is refused instead.
     */
    @Transactional(readOnly = true)
    public SortedSet<Integer> enteredIndicators(int year) {
        SortedSet<Integer> entered = new TreeSet<>();
        for (String scheme : schemes()) {
            store.latestFor(scheme, year)
                    .ifPresent(id -> entered.addAll(get(id).definition().enteredIndicators()));
        }
        return entered;
    }

    @Transactional(readOnly = true)
    public List<String> schemes() {
        return store.schemes();
    }

    /**
     * Stores a new version of a scheme (version = latest + 1; 1 for a new scheme). Published
     * snapshots keep the version they were computed with.
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Methodology addVersion(
            @Nullable String scheme,
            @Nullable String province,
            @Nullable Integer year,
            @Nullable String name,
            Methodology.Definition definition) {
        Objects.requireNonNull(definition, "definition");
        // "  " and "" mean no province, as null does: every entry point stores the same value.
        String provinceOrNone = province == null || province.isBlank() ? null : province.strip();
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            throw InvalidInputException.malformed("scheme", "scheme must be 1–40 of a-z, 0-9 and '-': " + scheme);
        }
        if (name == null || name.isBlank()) {
            throw InvalidInputException.malformed("name", "name is required");
        }
        Integer latest = store.latestVersion(scheme);
        int version = latest == null ? 1 : latest + 1;
        UUID id = Ids.newId();
        // The unique key (scheme, version) settles two managers saving at once: one of them fails.
        store.insert(
                id,
                scheme,
                version,
                provinceOrNone,
                year,
                name.strip(),
                IndexJson.write(definition),
                clock.instant(),
                Actors.current());
        // A version applies from its creation (the latest for a year wins): creating it is activating it.
        events.publishEvent(new AuditEvent(
                Actors.current(),
                AuditAction.METHODOLOGY_CHANGED,
                "index methodology " + scheme + " v" + version,
                "version " + version + " created and in force for "
                        + (year == null ? "every year without a version of its own" : "year " + year)
                        + " (new computations; "
                        + "published snapshots keep theirs); name '" + name.strip() + "', province " + provinceOrNone
                        + "; replaces "
                        + (latest == null ? "nothing (new scheme)" : "v" + latest) + "; id " + id
                        + "; definition sha256 "
                        + sha256(IndexJson.write(definition))));
        return get(id);
    }

    /**
     * Stores a new version from its JSON text, as edited by a manager: the same shape as
     * {@code GET /api/v1/index/methodologies/{scheme}} returns.
     *
     * @throws InvalidInputException naming {@code definition} (with the JSON path at fault),
     *         {@code year}, {@code scheme} or {@code name}
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Methodology addVersion(
            @Nullable String scheme,
            @Nullable String province,
            @Nullable Integer year,
            @Nullable String name,
            String definitionJson) {
        checkYear(year);
        return addVersion(scheme, province, year, name, parseDefinition(definitionJson));
    }

    /**
     * Stores a new version made in the form: the version {@code baseId} with the edited values.
     *
     * @throws InvalidInputException naming each field at fault (JSON paths such as
     *         {@code ranking.minimumRatings}), or {@code year}, {@code scheme}, {@code name}
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Methodology addVersion(
            @Nullable String scheme,
            @Nullable String province,
            @Nullable Integer year,
            @Nullable String name,
            UUID baseId,
            MethodologyEdits edits) {
        checkYear(year);
        Methodology.Definition definition = edits.applyTo(get(baseId).definition());
        return addVersion(scheme, province, year, name, definition);
    }

    private static void checkYear(@Nullable Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw InvalidInputException.malformed("year", "year must be between 2000 and 2100 or empty: " + year);
        }
    }

    /**
     * Reads and checks a methodology's rules from JSON without storing them.
     *
     * @throws InvalidInputException naming {@code definition}, with where and what is wrong
     */
    public static Methodology.Definition parseDefinition(String json) {
        if (json == null || json.isBlank()) {
            throw InvalidInputException.malformed("definition", "the rules are empty");
        }
        try {
            return IndexJson.MAPPER
                    .readerFor(Methodology.Definition.class)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(json);
        } catch (DatabindException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            Throwable cause =
                    e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                            ? e.getCause()
                            : e;
            String what = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw InvalidInputException.malformed("definition", (path.isEmpty() ? "" : "at " + path + ": ") + what);
        } catch (JacksonException e) {
            throw InvalidInputException.malformed("definition", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The rules as indented JSON, as {@link #parseDefinition} reads them back. */
    public static String toJson(Methodology.Definition definition) {
        return IndexJson.MAPPER
                .writer()
                .with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(definition);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkScheme(String scheme) {
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            throw InvalidInputException.malformed(
                    "scheme", "scheme '" + scheme + "' is not a scheme code (a-z, 0-9, '-')");
        }
    }
}
