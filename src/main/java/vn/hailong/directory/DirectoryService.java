package vn.hailong.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.UnitId;

/** Agencies, procedures and officers: who is who in a province's one-stop system. */
@Service
public class DirectoryService {

    private final Agencies agencies;
    private final Procedures procedures;
    private final Officers officers;
    private final ServiceCentres centres;
    private final Counters counters;
    private final Clock clock;
    private final DirectoryStore store;
    private final ApplicationEventPublisher events;

    DirectoryService(
            Agencies agencies,
            Procedures procedures,
            Officers officers,
            ServiceCentres centres,
            Counters counters,
            Clock clock,
            DirectoryStore store,
            ApplicationEventPublisher events) {
        this.events = events;
        this.agencies = agencies;
        this.procedures = procedures;
        this.officers = officers;
        this.centres = centres;
        this.counters = counters;
        this.clock = clock;
        this.store = store;
    }

    /** Result of an upsert: the unit as stored, and whether it was created by this call. */
    public record UnitUpsert(AgencySummary unit, boolean created) {}

    /**
     * Creates or updates the unit with this code. Every bad field is named in one
     * {@link InvalidInputException}; nothing is written unless all are valid.
     */
    @Transactional
    public UnitUpsert upsertUnit(String code, UnitChange change) {
        FieldErrors errors = new FieldErrors();
        String codeProblem = AgencyCode.problemWith(code);
        if (codeProblem != null) {
            errors.malformed("agencyCode", codeProblem);
        }
        if (change.name() == null || change.name().isBlank()) {
            errors.malformed("name", "name is required");
        } else if (change.name().length() > Agency.NAME_MAX_LENGTH) {
            errors.malformed("name", "name is longer than " + Agency.NAME_MAX_LENGTH + " characters");
        }
        AgencyKind kind = null;
        if (change.kind() == null) {
            errors.malformed("kind", "kind is required; one of " + List.of(AgencyKind.values()));
        } else {
            try {
                kind = AgencyKind.valueOf(change.kind());
            } catch (IllegalArgumentException e) {
                errors.malformed(
                        "kind", "unknown kind '" + change.kind() + "'; one of " + List.of(AgencyKind.values()));
            }
        }
        if (change.peerGroup() != null && change.peerGroup().length() > Agency.PEER_GROUP_MAX_LENGTH) {
            errors.malformed("peerGroup", "peerGroup is longer than " + Agency.PEER_GROUP_MAX_LENGTH + " characters");
        }
        UUID parentId = null;
        if (change.parent() != null && !change.parent().isBlank()) {
            if (change.parent().equals(code)) {
                errors.unprocessable("parent", "a unit cannot be its own parent");
            } else {
                Optional<Agency> parent = agencies.findByCode(change.parent());
                if (parent.isEmpty()) {
                    errors.unprocessable("parent", "unknown parent unit '" + change.parent() + "'; create it first");
                } else {
                    parentId = parent.get().getId();
                }
            }
        }
        UUID predecessorId = null;
        if (change.successorOf() != null && !change.successorOf().isBlank()) {
            Optional<Agency> predecessor = agencies.findByCode(change.successorOf());
            if (predecessor.isEmpty()) {
                errors.unprocessable("successorOf", "unknown unit '" + change.successorOf() + "'");
            } else {
                predecessorId = predecessor.get().getId();
            }
        }
        if (change.validFrom() != null
                && change.validTo() != null
                && change.validTo().isBefore(change.validFrom())) {
            errors.unprocessable("validTo", "validTo is before validFrom");
        }
        errors.throwIfAny();

        Optional<Agency> existing = agencies.findByCode(code);
        if (existing.isPresent()
                && parentId != null
                && createsCycle(existing.get().getId(), parentId)) {
            throw InvalidInputException.unprocessable(
                    "parent",
                    "'" + change.parent() + "' is inside '" + code
                            + "'; a unit cannot be placed under its own sub-unit");
        }
        LocalDate validFrom = change.validFrom() != null ? change.validFrom() : LocalDate.now(clock);
        // name and kind are required: past throwIfAny they are there.
        String name = Objects.requireNonNull(change.name()).strip();
        AgencyKind agencyKind = Objects.requireNonNull(kind);
        String peerGroup = blankToNull(change.peerGroup());
        UUID formerParentId = existing.isPresent() ? existing.get().getParentId() : null;
        Agency agency;
        if (existing.isPresent()) {
            agency = existing.get();
            agency.describe(name, agencyKind, parentId, peerGroup);
        } else {
            agency = new Agency(new AgencyCode(code), validFrom, name, agencyKind, parentId, peerGroup);
        }
        if (change.validTo() != null) {
            agency.retire(change.validTo());
        }
        if (predecessorId != null) {
            agency.succeed(predecessorId);
        }
        Agency saved = agencies.saveAndFlush(agency);
        if (existing.isPresent() && !Objects.equals(formerParentId, parentId)) {
            // What is summed under the units above it changes (the rollups' rows of units below).
            events.publishEvent(new UnitMoved(UnitId.of(saved.getId()), unitId(formerParentId), unitId(parentId)));
        }
        return new UnitUpsert(saved.summary(), existing.isEmpty());
    }

    private boolean createsCycle(UUID unitId, UUID newParentId) {
        Map<UUID, Agency> byId =
                agencies.findAll().stream().collect(Collectors.toMap(Agency::getId, Function.identity()));
        UUID cursor = newParentId;
        Set<UUID> seen = new HashSet<>();
        while (cursor != null && seen.add(cursor)) {
            if (cursor.equals(unitId)) {
                return true;
            }
            Agency next = byId.get(cursor);
            cursor = next == null ? null : next.getParentId();
        }
        return false;
    }

    @Transactional(readOnly = true)
    public Optional<AgencySummary> findUnit(String code) {
        return agencies.findByCode(code).map(Agency::summary);
    }

    /**
     * The units with these codes, in one query (a dossier names two or three); a code not known is
     * absent from the answer. Keyed by the code as asked.
     */
    @Transactional(readOnly = true)
    public Map<String, AgencySummary> findUnits(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, AgencySummary> byStoredCode = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        agencies.findByCodeIn(codes).forEach(a -> byStoredCode.put(a.getCode(), a.summary()));
        Map<String, AgencySummary> found = new HashMap<>();
        for (String code : codes) {
            AgencySummary unit = byStoredCode.get(code);
            // The column's collation decides what matches (as findUnit's equality does); a code it
            // matches in a way a case-blind look cannot see here is asked again alone.
            Optional<AgencySummary> match = unit != null ? Optional.of(unit) : findUnit(code);
            match.ifPresent(u -> found.put(code, u));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public AgencySummary getUnit(String code) {
        return findUnit(code).orElseThrow(() -> new NotFoundException("no unit with code '" + code + "'"));
    }

    @Transactional(readOnly = true)
    public List<AgencySummary> allUnits() {
        return agencies.findAllByOrderByCode().stream().map(Agency::summary).toList();
    }

    /** Every unit's id, without loading the units (the scope of those who see everything). */
    @Transactional(readOnly = true)
    public List<UnitId> allUnitIds() {
        return agencies.allIds().stream().map(UnitId::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AgencySummary> findUnit(UnitId id) {
        return agencies.findById(id.value()).map(Agency::summary);
    }

    /** The unit and every unit below it, the scope of a unit manager. */
    @Transactional(readOnly = true)
    public Set<UnitId> subtreeOf(UnitId rootId) {
        Set<UnitId> result = new HashSet<>();
        agencies.subtreeIds(rootId.value().toString()).forEach(id -> result.add(UnitId.of(UUID.fromString(id))));
        // An unknown root is still its own subtree (as before: a scope never silently widens or vanishes).
        result.add(rootId);
        return result;
    }

    /** The units above this one, nearest first (empty at the top, or for an unknown unit). */
    @Transactional(readOnly = true)
    public List<UnitId> ancestorsOf(UnitId unitId) {
        return agencies.ancestorIds(unitId.value().toString()).stream()
                .map(UUID::fromString)
                .map(UnitId::of)
                .toList();
    }

    /** Every unit's parent (null at the top), keyed by the unit's id: the shape of the whole tree in one light query. */
    @Transactional(readOnly = true)
    public Map<UnitId, @Nullable UnitId> parentsOfAllUnits() {
        Map<UnitId, @Nullable UnitId> parents = new HashMap<>();
        for (Object[] link : agencies.parentLinks()) {
            parents.put(UnitId.of((UUID) link[0]), unitId((UUID) link[1]));
        }
        return parents;
    }

    /**
     * Finds the procedure with this code, registering it on first sight, in the caller's
     * transaction. Two dossiers naming a new procedure at once both succeed: INSERT IGNORE lets
     * the second insert yield to the first instead of failing. The caller's transaction must run
     * at READ COMMITTED, or its snapshot would hide the row the first request committed.
     */
    @Transactional
    public ProcedureSummary registerProcedure(String code, @Nullable String name, @Nullable String field) {
        Optional<Procedure> known = procedures.findByCode(code);
        if (known.isPresent()) {
            Procedure p = known.get();
            if (name != null && !name.isBlank() && !name.strip().equals(p.getName())) {
                p.rename(name.strip(), field);
                procedures.save(p);
            }
            return p.summary();
        }
        if (name == null || name.isBlank()) {
            throw InvalidInputException.unprocessable(
                    "procedureName",
                    "procedure '" + code
                            + "' is not known yet; send procedureName with the first dossier that uses it");
        }
        store.registerProcedureIfAbsent(code, name.strip(), field);
        return procedures.findByCode(code).orElseThrow().summary();
    }

    /** Finds the officer with this one-stop id, registering or renaming them as needed (caller's transaction). */
    @Transactional
    public UUID registerOfficer(String externalId, @Nullable String displayName) {
        Optional<Officer> known = officers.findByExternalId(externalId);
        if (known.isPresent()) {
            Officer o = known.get();
            if (displayName != null && !displayName.isBlank() && !displayName.equals(o.getDisplayName())) {
                o.rename(displayName);
                officers.save(o);
            }
            return o.getId();
        }
        String name = displayName == null || displayName.isBlank() ? externalId : displayName;
        store.registerOfficerIfAbsent(externalId, name);
        return officers.findByExternalId(externalId).orElseThrow().getId();
    }

    /** An officer as registered: our id, the one-stop software's id, the name shown. */
    public record RegisteredOfficer(UUID id, String externalId, String displayName) {}

    /**
     * Finds the officers with these one-stop ids, registering or renaming them as
     * {@link #registerOfficer} does, in the caller's transaction, with one query for those already
     * known (every officer of a dossier, after their first): a dossier PUT names two or three.
     *
     * @param names each officer's display name by one-stop id; null or blank keeps the known name
     * @return the officers keyed by the ids as given
     */
    @Transactional
    public Map<String, RegisteredOfficer> registerOfficers(Map<String, @Nullable String> names) {
        Map<String, RegisteredOfficer> registered = new HashMap<>();
        if (names.isEmpty()) {
            return registered;
        }
        Map<String, Officer> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        officers.findByExternalIdIn(names.keySet()).forEach(o -> known.put(o.getExternalId(), o));
        names.forEach((externalId, displayName) -> {
            Officer o = known.get(externalId);
            if (o == null) {
                // New (or matched by the collation in a way this look cannot see): one at a time, as before.
                registered.put(externalId, registered(registerOfficer(externalId, displayName)));
                return;
            }
            if (displayName != null && !displayName.isBlank() && !displayName.equals(o.getDisplayName())) {
                o.rename(displayName);
                officers.save(o);
            }
            registered.put(externalId, registered(o));
        });
        return registered;
    }

    private RegisteredOfficer registered(UUID id) {
        return registered(officers.findById(id).orElseThrow());
    }

    private static RegisteredOfficer registered(Officer o) {
        return new RegisteredOfficer(o.getId(), o.getExternalId(), o.getDisplayName());
    }

    @Transactional(readOnly = true)
    public Optional<ProcedureSummary> findProcedure(UUID id) {
        return procedures.findById(id).map(Procedure::summary);
    }

    /** An officer as the one-stop software identifies them. */
    public record OfficerName(String externalId, String displayName) {}

    @Transactional(readOnly = true)
    public Map<UUID, OfficerName> officers(Collection<UUID> ids) {
        return officers.findAllById(ids).stream()
                .collect(Collectors.toMap(Officer::getId, o -> new OfficerName(o.getExternalId(), o.getDisplayName())));
    }

    /** Procedures by id, for labelling figures. */
    @Transactional(readOnly = true)
    public Map<UUID, ProcedureSummary> procedures(Collection<UUID> ids) {
        return procedures.findAllById(ids).stream()
                .map(Procedure::summary)
                .collect(Collectors.toMap(ProcedureSummary::id, p -> p));
    }

    /** Officers' display names by the one-stop software's officer id, for labelling figures. */
    @Transactional(readOnly = true)
    public Map<String, String> officerNames(Collection<String> externalIds) {
        return officers.findByExternalIdIn(externalIds).stream()
                .collect(Collectors.toMap(Officer::getExternalId, Officer::getDisplayName));
    }

    /** Creates or updates a service centre of a unit. */
    @Transactional
    public UUID upsertCentre(String code, String name, String agencyCode) {
        Agency agency = agencies.findByCode(agencyCode)
                .orElseThrow(() -> InvalidInputException.unprocessable("agency", "unknown unit '" + agencyCode + "'"));
        ServiceCentre centre = centres.findByCode(code).orElseGet(() -> new ServiceCentre(code, name, agency.getId()));
        centre.describe(name, agency.getId());
        return centres.save(centre).getId();
    }

    /** Creates or updates a counter of a service centre. */
    @Transactional
    public UUID upsertCounter(String code, String name, String centreCode) {
        ServiceCentre centre = centres.findByCode(centreCode)
                .orElseThrow(() ->
                        InvalidInputException.unprocessable("centre", "unknown service centre '" + centreCode + "'"));
        Counter counter = counters.findByCode(code).orElseGet(() -> new Counter(code, name, centre.getId()));
        counter.describe(name, centre.getId());
        return counters.save(counter).getId();
    }

    /** The counter with this code and its service centre. */
    @Transactional(readOnly = true)
    public Optional<CounterSummary> findCounter(String code) {
        return counters.findByCode(code).map(this::counterSummary);
    }

    /**
     * The counter with this code, its row locked until the caller's transaction ends ({@code SELECT
     * … FOR UPDATE}): work that must happen one at a time per counter (a handover replacing the
     * previous one) queues here, across the nodes of one database. Galera does not replicate row
     * locks: there a unique key of the caller's own must make the second of two conflicting
     * commits fail, and the caller retries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CounterSummary> lockCounter(String code) {
        return counters.lockByCode(code).map(this::counterSummary);
    }

    @Transactional(readOnly = true)
    public Optional<CounterSummary> findCounter(UUID id) {
        return counters.findById(id).map(this::counterSummary);
    }

    /** The unit that owns a service centre (its managers answer for the centre's counters and kiosks). */
    @Transactional(readOnly = true)
    public Optional<AgencySummary> ownerOfCentre(UUID centreId) {
        return centres.findById(centreId).flatMap(c -> findUnit(UnitId.of(c.getAgencyId())));
    }

    /** Every counter with its service centre, by code. */
    @Transactional(readOnly = true)
    public List<CounterSummary> allCounters() {
        Map<UUID, ServiceCentre> byId =
                centres.findAll().stream().collect(Collectors.toMap(ServiceCentre::getId, Function.identity()));
        return counters.findAll().stream()
                .map(c -> new CounterSummary(
                        c.getId(),
                        c.getCode(),
                        c.getName(),
                        c.getCentreId(),
                        // centre_id is a NOT NULL foreign key: every counter's centre is there.
                        Objects.requireNonNull(byId.get(c.getCentreId())).getCode(),
                        Objects.requireNonNull(byId.get(c.getCentreId())).getName()))
                .sorted(Comparator.comparing(CounterSummary::code))
                .toList();
    }

    private CounterSummary counterSummary(Counter c) {
        ServiceCentre centre = centres.findById(c.getCentreId()).orElseThrow();
        return new CounterSummary(
                c.getId(), c.getCode(), c.getName(), centre.getId(), centre.getCode(), centre.getName());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable UnitId unitId(@Nullable UUID id) {
        return id == null ? null : UnitId.of(id);
    }
}
