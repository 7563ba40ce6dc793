package vn.hailong.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.ProcedureSummary;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Retries;
import vn.hailong.platform.StorableTimes;
import vn.hailong.platform.UnitId;

/** Receives dossiers from the one-stop software and answers what is known about them. */
@Service
public class DossierIntakeService {

    private static final RetryTemplate RACES = Retries.onWriteConflictOrDuplicate(3);

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9]+\\.[0-9]+(\\.[0-9A-Z]+)*");
    private static final int MAX_OFFICERS = 50;

    private final Dossiers dossiers;
    private final Complaints complaints;
    private final DirectoryService directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IntakeStore store;

    DossierIntakeService(
            Dossiers dossiers,
            Complaints complaints,
            DirectoryService directory,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            IntakeStore store) {
        this.dossiers = dossiers;
        this.complaints = complaints;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.store = store;
        // Read committed (the pool's default, spring.datasource.hikari.transaction-isolation): when a
        // racing request registers the same new procedure or officer first, INSERT IGNORE yields to
        // it and the read that follows must see its row, which a REPEATABLE READ snapshot taken
        // earlier in the transaction would hide.
    }

    /** The outcome of a PUT: the dossier as stored, whether it was new, whether anything changed. */
    public record DossierUpsert(DossierDetails dossier, boolean created, boolean changed) {}

    /**
     * Creates or replaces the dossier with this code. Idempotent: sending the same facts again
     * changes nothing. Concurrent first sends of one code both succeed, one as the update of the other.
     *
     * @throws InvalidInputException naming every bad field; nothing is written then
     */
    public DossierUpsert upsert(String code, DossierSubmission submission) {
        String codeProblem = DossierCode.problemWith(code);
        if (codeProblem != null) {
            throw InvalidInputException.malformed("code", codeProblem);
        }
        // Another request may store the same dossier, procedure or officer between our read and our
        // write (a unique key refuses ours), or a deadlock may end ours: redo on fresh data.
        return RACES.invoke(() -> transaction.execute(tx -> upsertInTransaction(new DossierCode(code), submission)));
    }

    private DossierUpsert upsertInTransaction(DossierCode code, DossierSubmission s) {
        Validated validated = validate(s);
        DossierFacts facts = validated.facts();
        Instant now = clock.instant();
        Optional<Dossier> existing = dossiers.findByCode(code.value());
        if (existing.isPresent() && existing.get().facts().equals(facts)) {
            return new DossierUpsert(details(existing.get(), validated.seen()), false, false);
        }
        Dossier dossier;
        if (existing.isPresent()) {
            dossier = existing.get();
            dossier.describe(facts, clock.getZone(), now);
        } else {
            dossier = new Dossier(code, facts, clock.getZone(), now);
        }
        Dossier saved = dossiers.saveAndFlush(dossier);
        events.publishEvent(new DossierRecorded(
                DossierId.of(saved.getId()), saved.getCode(), existing.isEmpty(), saved.getStatus()));
        return new DossierUpsert(details(saved, validated.seen()), existing.isEmpty(), true);
    }

    /** The facts of a valid submission, and what was looked up on the way to them. */
    private record Validated(DossierFacts facts, Seen seen) {}

    /**
     * The units, procedure and officers a PUT has looked up already: its answer describes the same
     * ones, and need not ask the directory again (four look-ups of a PUT's 17 statements before).
     */
    private record Seen(
            Map<UUID, AgencySummary> units,
            @Nullable ProcedureSummary procedure,
            Map<UUID, DirectoryService.RegisteredOfficer> officers) {

        static final Seen NOTHING = new Seen(Map.of(), null, Map.of());
    }

    private Validated validate(DossierSubmission s) {
        FieldErrors errors = new FieldErrors();
        if (s.procedureCode() == null || s.procedureCode().isBlank()) {
            errors.malformed("procedureCode", "procedureCode is required, e.g. 1.004227");
        } else if (s.procedureCode().length() > 60
                || !PROCEDURE_CODE.matcher(s.procedureCode()).matches()) {
            errors.malformed(
                    "procedureCode",
                    "procedureCode '" + s.procedureCode() + "' must look like 1.004227 or 1.004616.000.00.00.H56");
        }
        if (s.procedureName() != null && s.procedureName().length() > 500) {
            errors.malformed("procedureName", "procedureName is longer than 500 characters");
        }
        if (s.procedureField() != null && s.procedureField().length() > 200) {
            errors.malformed("procedureField", "procedureField is longer than 200 characters");
        }
        DossierChannel channel = parseEnum(errors, "channel", s.channel(), DossierChannel.class);
        ApplicantKind applicantKind = parseEnum(errors, "applicantKind", s.applicantKind(), ApplicantKind.class);
        DossierStatus status = parseEnum(errors, "status", s.status(), DossierStatus.class);
        Instant receivedAt = parseTime(errors, "receivedAt", s.receivedAt(), true);
        Instant dueAt = parseTime(errors, "dueAt", s.dueAt(), false);
        Instant returnedAt = parseTime(errors, "returnedAt", s.returnedAt(), false);
        if (receivedAt != null && dueAt != null && dueAt.isBefore(receivedAt)) {
            errors.unprocessable("dueAt", "dueAt " + s.dueAt() + " is before receivedAt " + s.receivedAt());
        }
        if (receivedAt != null && returnedAt != null && returnedAt.isBefore(receivedAt)) {
            errors.unprocessable(
                    "returnedAt", "returnedAt " + s.returnedAt() + " is before receivedAt " + s.receivedAt());
        }
        if (returnedAt != null && returnedAt.isAfter(clock.instant().plusSeconds(300))) {
            errors.unprocessable("returnedAt", "returnedAt " + s.returnedAt() + " is in the future");
        }
        if (receivedAt != null && receivedAt.isAfter(clock.instant().plusSeconds(300))) {
            errors.unprocessable("receivedAt", "receivedAt " + s.receivedAt() + " is in the future");
        }
        if (status == DossierStatus.RETURNED && s.returnedAt() == null) {
            errors.unprocessable("returnedAt", "returnedAt is required when status is RETURNED");
        }
        if (status != null && status != DossierStatus.RETURNED && s.returnedAt() != null) {
            errors.unprocessable(
                    "returnedAt", "returnedAt is only allowed when status is RETURNED (status is " + status + ")");
        }
        int supplements = s.supplementRequests() == null ? 0 : s.supplementRequests();
        if (supplements < 0 || supplements > 1000) {
            errors.malformed("supplementRequests", "supplementRequests must be between 0 and 1000");
        }
        // Most dossiers name one unit in two or three roles: look the codes up once, in one query.
        Map<String, AgencySummary> units =
                directory.findUnits(Stream.of(s.receivingUnit(), s.competentUnit(), s.evaluatedUnit())
                        .filter(code -> code != null && !code.isBlank())
                        .map(Objects::requireNonNull)
                        .collect(Collectors.toSet()));
        AgencySummary receiving = unit(errors, "receivingUnit", s.receivingUnit(), true, units);
        AgencySummary competent = unit(errors, "competentUnit", s.competentUnit(), true, units);
        AgencySummary evaluated = unit(errors, "evaluatedUnit", s.evaluatedUnit(), false, units);
        List<DossierSubmission.@Nullable OfficerPart> parts = s.officers() == null ? List.of() : s.officers();
        if (parts.size() > MAX_OFFICERS) {
            errors.malformed("officers", "at most " + MAX_OFFICERS + " officers per dossier");
        }
        for (int i = 0; i < parts.size() && i < MAX_OFFICERS; i++) {
            DossierSubmission.OfficerPart part = parts.get(i);
            String field = "officers[" + i + "]";
            if (part == null) {
                errors.malformed(field, "officer entry is empty");
                continue;
            }
            if (part.id() == null || part.id().isBlank() || part.id().length() > 64) {
                errors.malformed(field + ".id", "officer id is required (at most 64 characters)");
            }
            if (part.name() != null && part.name().length() > 200) {
                errors.malformed(field + ".name", "officer name is longer than 200 characters");
            }
            parseEnum(errors, field + ".role", part.role(), OfficerRole.class);
        }
        errors.throwIfAny();

        // Only now, with everything valid, may we register procedures and officers. Past
        // throwIfAny every required field is there (requireNonNull only says so to the checker).
        ProcedureSummary procedure = directory.registerProcedure(
                Objects.requireNonNull(s.procedureCode()), s.procedureName(), s.procedureField());
        // An officer listed twice (two roles) ends with the last name given, as when each entry
        // registered them in turn.
        Map<String, @Nullable String> names = new LinkedHashMap<>();
        for (DossierSubmission.@Nullable OfficerPart listed : parts) {
            DossierSubmission.OfficerPart part = Objects.requireNonNull(listed);
            String id = Objects.requireNonNull(part.id());
            if (part.name() != null && !part.name().isBlank()) {
                names.put(id, part.name());
            } else {
                names.putIfAbsent(id, null);
            }
        }
        Map<String, DirectoryService.RegisteredOfficer> registered = directory.registerOfficers(names);
        Set<DossierOfficer> officers = new HashSet<>();
        Map<UUID, DirectoryService.RegisteredOfficer> officersById = new HashMap<>();
        for (DossierSubmission.@Nullable OfficerPart listed : parts) {
            DossierSubmission.OfficerPart part = Objects.requireNonNull(listed);
            DirectoryService.RegisteredOfficer officer =
                    Objects.requireNonNull(registered.get(Objects.requireNonNull(part.id())));
            officersById.put(officer.id(), officer);
            officers.add(new DossierOfficer(officer.id(), OfficerRole.valueOf(Objects.requireNonNull(part.role()))));
        }
        Map<UUID, AgencySummary> unitsById = new HashMap<>();
        units.values().forEach(u -> unitsById.put(u.id(), u));
        DossierFacts facts = new DossierFacts(
                procedure.id(),
                Objects.requireNonNull(receiving).id(),
                Objects.requireNonNull(competent).id(),
                evaluated != null ? evaluated.id() : competent.id(),
                Objects.requireNonNull(channel),
                Objects.requireNonNull(applicantKind),
                Objects.requireNonNull(status),
                Objects.requireNonNull(receivedAt),
                dueAt,
                returnedAt,
                supplements,
                Set.copyOf(officers));
        return new Validated(facts, new Seen(unitsById, procedure, officersById));
    }

    private @Nullable AgencySummary unit(
            FieldErrors errors,
            String field,
            @Nullable String code,
            boolean required,
            Map<String, AgencySummary> known) {
        if (code == null || code.isBlank()) {
            if (required) {
                errors.malformed(field, field + " is required (an agency code such as 000.00.06.H56)");
            }
            return null;
        }
        AgencySummary unit = known.get(code);
        if (unit == null) {
            errors.unprocessable(
                    field, "unknown unit '" + code + "'; register it with PUT /api/v1/units/" + code + " first");
            return null;
        }
        return unit;
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(
            FieldErrors errors, String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.malformed(field, field + " is required; one of " + List.of(type.getEnumConstants()));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.malformed(
                    field, "unknown " + field + " '" + value + "'; one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private static @Nullable Instant parseTime(
            FieldErrors errors, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.malformed(field, field + " is required (ISO-8601 with offset, e.g. 2026-11-02T08:30:00+07:00)");
            }
            return null;
        }
        try {
            return StorableTimes.check(
                    errors, field, value, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            errors.malformed(
                    field,
                    field + " '" + value + "' is not an ISO-8601 time with offset, e.g. 2026-11-02T08:30:00+07:00");
            return null;
        }
    }

    @Transactional(readOnly = true)
    public Optional<DossierDetails> find(String code) {
        return dossiers.findByCode(code).map(this::details);
    }

    /**
     * A dossier's id by its code, as one auto-committed statement: no transaction (and so none of
     * the round trips that begin and end one). For hot read paths such as printing a receipt's QR;
     * deliberately not {@code @Transactional}.
     */
    public Optional<DossierId> findId(String code) {
        return store.idByCode(code).map(DossierId::of);
    }

    /** The facts a rating records about a dossier, with a single query. */
    @Transactional(readOnly = true)
    public Optional<DossierRef> findRef(String code) {
        return dossiers.findRefByCode(code);
    }

    @Transactional(readOnly = true)
    public DossierDetails get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("no dossier with code '" + code + "'"));
    }

    @Transactional(readOnly = true)
    public Optional<DossierDetails> find(DossierId id) {
        return dossiers.findById(id.value()).map(this::details);
    }

    private DossierDetails details(Dossier d) {
        return details(d, Seen.NOTHING);
    }

    private DossierDetails details(Dossier d, Seen seen) {
        Map<UUID, AgencySummary> units = new HashMap<>();
        for (UUID id :
                new HashSet<>(List.of(d.getReceivingAgencyId(), d.getCompetentAgencyId(), d.getEvaluatedAgencyId()))) {
            AgencySummary unit = seen.units().get(id);
            if (unit != null) {
                units.put(id, unit);
            } else {
                directory.findUnit(UnitId.of(id)).ifPresent(u -> units.put(id, u));
            }
        }
        ProcedureSummary procedure =
                seen.procedure() != null && seen.procedure().id().equals(d.getProcedureId())
                        ? seen.procedure()
                        : directory.findProcedure(d.getProcedureId()).orElseThrow();
        Map<UUID, DirectoryService.OfficerName> known = new HashMap<>();
        List<UUID> notSeen = new ArrayList<>();
        for (DossierOfficer o : d.getOfficers()) {
            DirectoryService.RegisteredOfficer officer = seen.officers().get(o.getOfficerId());
            if (officer != null) {
                known.put(officer.id(), new DirectoryService.OfficerName(officer.externalId(), officer.displayName()));
            } else {
                notSeen.add(o.getOfficerId());
            }
        }
        if (!notSeen.isEmpty()) {
            known.putAll(directory.officers(notSeen));
        }
        List<DossierDetails.Officer> officers = d.getOfficers().stream()
                .map(o -> new DossierDetails.Officer(
                        Objects.requireNonNull(known.get(o.getOfficerId())).externalId(),
                        Objects.requireNonNull(known.get(o.getOfficerId())).displayName(),
                        o.getRole()))
                .sorted(Comparator.comparing(DossierDetails.Officer::role).thenComparing(DossierDetails.Officer::id))
                .toList();
        // The three are NOT NULL references to units, which are never deleted (only closed).
        AgencySummary evaluated = Objects.requireNonNull(units.get(d.getEvaluatedAgencyId()));
        return new DossierDetails(
                DossierId.of(d.getId()),
                d.getCode(),
                procedure.id(),
                procedure.code(),
                procedure.name(),
                UnitId.of(d.getReceivingAgencyId()),
                Objects.requireNonNull(units.get(d.getReceivingAgencyId())).code(),
                UnitId.of(d.getCompetentAgencyId()),
                Objects.requireNonNull(units.get(d.getCompetentAgencyId())).code(),
                UnitId.of(d.getEvaluatedAgencyId()),
                evaluated.code(),
                evaluated.name(),
                d.getChannel(),
                d.getApplicantKind(),
                d.getStatus(),
                d.getReceivedAt(),
                d.getDueAt(),
                d.getReturnedAt(),
                d.getTimeliness(),
                d.getSupplementRequests(),
                officers,
                d.getUpdatedAt());
    }

    /**
     * Creates or replaces a complaint about a dossier, identified by the one-stop software's id.
     *
     * @throws InvalidInputException naming every bad field
     */
    @Transactional
    public ComplaintDetails recordComplaint(String dossierCode, String complaintId, ComplaintSubmission s) {
        Dossier dossier = dossiers.findByCode(dossierCode)
                .orElseThrow(() -> new NotFoundException("no dossier with code '" + dossierCode + "'"));
        FieldErrors errors = new FieldErrors();
        if (complaintId == null || complaintId.isBlank() || complaintId.length() > 64) {
            errors.malformed("complaintId", "complaint id is required (at most 64 characters)");
        }
        Instant receivedAt = parseTime(errors, "receivedAt", s.receivedAt(), true);
        Instant deadline = parseTime(errors, "deadline", s.deadline(), true);
        Instant handledAt = parseTime(errors, "handledAt", s.handledAt(), false);
        if (receivedAt != null && deadline != null && deadline.isBefore(receivedAt)) {
            errors.unprocessable("deadline", "deadline is before receivedAt");
        }
        if (receivedAt != null && handledAt != null && handledAt.isBefore(receivedAt)) {
            errors.unprocessable("handledAt", "handledAt is before receivedAt");
        }
        if (s.complainantSatisfied() != null && handledAt == null) {
            errors.unprocessable(
                    "complainantSatisfied",
                    "complainantSatisfied needs handledAt: an open complaint has no answer yet");
        }
        errors.throwIfAny();
        Optional<Complaint> existing = complaints.findByExternalId(complaintId);
        if (existing.isPresent() && !existing.get().getDossierId().equals(dossier.getId())) {
            throw InvalidInputException.unprocessable(
                    "complaintId", "complaint '" + complaintId + "' belongs to another dossier");
        }
        Instant received = Objects.requireNonNull(receivedAt); // required: past throwIfAny
        Instant due = Objects.requireNonNull(deadline);
        boolean aboutHandling = s.aboutHandling() == null || s.aboutHandling();
        Complaint complaint;
        if (existing.isPresent()) {
            complaint = existing.get();
            complaint.describe(received, due, handledAt, aboutHandling, s.complainantSatisfied());
        } else {
            complaint = new Complaint(
                    dossier.getId(), complaintId, received, due, handledAt, aboutHandling, s.complainantSatisfied());
        }
        return complaints.save(complaint).details();
    }

    @Transactional(readOnly = true)
    public List<ComplaintDetails> complaintsOf(DossierId dossierId) {
        return complaints.findByDossierId(dossierId.value()).stream()
                .map(Complaint::details)
                .toList();
    }

    /** Dossier codes by id. */
    @Transactional(readOnly = true)
    public Map<DossierId, String> codesOf(Collection<DossierId> ids) {
        Map<DossierId, String> codes = new HashMap<>();
        dossiers.findAllById(ids.stream().map(DossierId::value).toList())
                .forEach(d -> codes.put(DossierId.of(d.getId()), d.getCode()));
        return codes;
    }
}
