package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.security.ScopeService;

/**
 * Circular 01/2018 indicators 5, 6, 8 and 9, entered per unit and period by its manager (or the
 * province, or an integrator), each change kept with who, when and the previous value.
 */
@Service
public class UnitIndicatorService {

    /** The indicators a unit enters; the others come from dossiers and citizens. */
    public static final List<Integer> ENTERED = List.of(5, 6, 8, 9);

    public static final BigDecimal MAX = new BigDecimal("2");

    private final UnitIndicatorStore store;
    private final DirectoryService directory;
    private final ScopeService scopes;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final MethodologyService methodologies;

    UnitIndicatorService(
            UnitIndicatorStore store,
            DirectoryService directory,
            ScopeService scopes,
            Clock clock,
            ApplicationEventPublisher events,
            MethodologyService methodologies) {
        this.events = events;
        this.methodologies = methodologies;
        this.store = store;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** One change: the indicator, its previous and new value (null = not entered), who and when. */
    public record Change(
            int indicator, BigDecimal previous, BigDecimal value, String changedBy, Instant changedAt, String note) {}

    /** The values entered for a unit and period (absent indicators are not in the map) and their history, newest first. */
    public record Entries(
            String unitCode,
            String unitName,
            String period,
            Map<Integer, BigDecimal> values,
            Map<Integer, String> enteredBy,
            List<Change> history) {}

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READERS_AND_INTEGRATORS)
    public Entries get(String agencyCode, String period) {
        IndexPeriod p = IndexPeriod.parse(period, "period");
        AgencySummary unit = visibleUnit(agencyCode);
        return read(unit, p.toString());
    }

    /**
     * Replaces the entered values of a unit and period: each of 5, 6, 8, 9 in 0..2 with at most
     * two decimals, or null for "not entered". Only changed indicators get a history row. A value
     * for an indicator no methodology of the period's year takes from entries (indicator 8 under
     * the default, which computes it from complaints) is refused, naming the field.
     *
     * @throws vn.hailong.platform.InvalidInputException naming each bad field ({@code indicator5} …)
     */
    @Transactional
    @PreAuthorize(Roles.MANAGERS_AND_INTEGRATORS)
    public Entries enter(String agencyCode, String period, Map<Integer, BigDecimal> values, @Nullable String note) {
        FieldErrors errors = new FieldErrors();
        IndexPeriod p = null;
        try {
            p = IndexPeriod.parse(period, "period");
        } catch (InvalidInputException e) {
            errors.malformed("period", e.errors().getFirst().message());
        }
        Set<Integer> enterable = p == null ? Set.copyOf(ENTERED) : methodologies.enteredIndicators(p.year());
        for (Map.Entry<Integer, BigDecimal> e : values.entrySet()) {
            String field = "indicator" + e.getKey();
            if (!ENTERED.contains(e.getKey())) {
                errors.malformed(field, "only indicators " + ENTERED + " are entered per unit");
            } else if (e.getValue() != null && !enterable.contains(e.getKey())) {
                // Accepting it would store a value no computation reads (e.g. 8, computed from complaints by default).
                errors.malformed(
                        field,
                        "indicator " + e.getKey() + " is not entered per unit under the methodologies for "
                                + Objects.requireNonNull(p).year() // without a period every indicator is enterable
                                + " (they take indicators " + enterable + " from units' entries)");
            } else if (e.getValue() != null) {
                if (e.getValue().signum() < 0 || e.getValue().compareTo(MAX) > 0) {
                    errors.malformed(
                            field,
                            field + " must be between 0 and 2, not "
                                    + e.getValue().toPlainString());
                } else if (e.getValue().stripTrailingZeros().scale() > 2) {
                    errors.malformed(
                            field,
                            field + " has more than two decimals: "
                                    + e.getValue().toPlainString());
                }
            }
        }
        if (note != null && note.length() > 500) {
            errors.malformed("note", "note is longer than 500 characters");
        }
        errors.throwIfAny();
        AgencySummary unit = visibleUnit(agencyCode);
        String code = Objects.requireNonNull(p).toString(); // a bad period is an error above
        Entries before = read(unit, code);
        String who = Actors.current();
        Instant now = clock.instant();
        for (int indicator : ENTERED) {
            BigDecimal previous = before.values().get(indicator);
            BigDecimal value =
                    values.get(indicator) == null ? null : values.get(indicator).setScale(2, RoundingMode.UNNECESSARY);
            if (Objects.equals(previous, value)) {
                continue;
            }
            if (value == null) {
                store.clear(unit.id(), code, indicator);
            } else {
                store.put(unit.id(), code, indicator, value, who, now);
            }
            store.recordChange(
                    unit.id(),
                    code,
                    indicator,
                    previous,
                    value,
                    note == null || note.isBlank() ? null : note.strip(),
                    who,
                    now);
            events.publishEvent(new AuditEvent(
                    who,
                    AuditAction.INDICATOR_ENTERED,
                    "unit indicator " + indicator + " of " + unit.code() + " " + code,
                    previous + " → " + value + (note == null || note.isBlank() ? "" : "; note: " + note.strip())));
        }
        return read(unit, code);
    }

    private Entries read(AgencySummary unit, String period) {
        Map<Integer, BigDecimal> values = new LinkedHashMap<>();
        Map<Integer, String> by = new HashMap<>();
        for (UnitIndicatorStore.Entered e : store.entered(unit.id(), period)) {
            values.put(e.indicator(), e.value());
            by.put(e.indicator(), e.enteredBy());
        }
        List<Change> history = store.history(unit.id(), period);
        return new Entries(unit.code(), unit.name(), period, values, by, history);
    }

    private AgencySummary visibleUnit(String agencyCode) {
        AgencySummary unit = directory
                .findUnit(agencyCode)
                .orElseThrow(() -> new NotFoundException("no unit with code '" + agencyCode + "'"));
        if (!Actors.isIntegrator() && !scopes.currentScope().includes(UnitId.of(unit.id()))) {
            throw new AccessDeniedException("unit " + agencyCode + " is not one of yours");
        }
        return unit;
    }

    /** The units the current user may enter indicators for (their scope), by code. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public List<AgencySummary> visibleUnits() {
        var scope = scopes.currentScope();
        return directory.allUnits().stream()
                .filter(u -> scope.includes(UnitId.of(u.id())))
                .toList();
    }
}
