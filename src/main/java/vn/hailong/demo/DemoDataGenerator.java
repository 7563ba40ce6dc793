package vn.hailong.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.demo.DemoCatalogue.CounterDef;
import vn.hailong.demo.DemoCatalogue.DemoAccount;
import vn.hailong.demo.DemoCatalogue.ProcedureDef;
import vn.hailong.demo.DemoCatalogue.Unit;
import vn.hailong.demo.DemoPlan.OfficerPart;
import vn.hailong.demo.DemoPlan.PlannedComplaint;
import vn.hailong.demo.DemoPlan.PlannedDossier;
import vn.hailong.demo.DemoPlan.PlannedRating;
import vn.hailong.directory.AgencyKind;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.feed.RatingFeed;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.Timeliness;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.Ids;
import vn.hailong.platform.StartupTask;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.receipt.SurveyLinkService;
import vn.hailong.security.AccountService;

/**
 * Fills the demo province on the default run: units, the provincial service centre and its
 * counters, procedures, officers, a year of dossiers with ratings and complaints, survey links and
 * the demo log-ins ({@link DemoCatalogue#ACCOUNTS}).
 *
 * <p>Deterministic: everything follows from {@code hailong.demo.seed}, {@code hailong.demo.dossiers}
 * and today's date in the application clock (see {@link DemoPlan}); only the generated ids differ.
 * Idempotent: when the demo province exists, nothing is done; and all is written in one
 * transaction, so a start that fails half-way leaves nothing behind and the next start tries again.
 */
@Component
@ConditionalOnProperty(name = "hailong.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataGenerator implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final int BATCH = 1000;
    /** Units that existed before the data starts; communes exist since the reform of 1 July 2025. */
    private static final LocalDate UNITS_VALID_FROM = LocalDate.of(2020, 1, 1);

    private static final LocalDate COMMUNES_VALID_FROM = LocalDate.of(2025, 7, 1);

    private final DirectoryService directory;
    private final AccountService accounts;
    private final SurveyLinkService links;
    private final QuestionnaireService questionnaires;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long seed;
    private final int dossierCount;

    private final RatingFeed feed;

    DemoDataGenerator(
            DirectoryService directory,
            AccountService accounts,
            SurveyLinkService links,
            QuestionnaireService questionnaires,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            DemoProperties properties,
            RatingFeed feed) {
        this.feed = feed;
        this.directory = directory;
        this.accounts = accounts;
        this.links = links;
        this.questionnaires = questionnaires;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.seed = properties.seed();
        this.dossierCount = properties.dossiers();
    }

    /** What was written, for the log. */
    private record Written(
            Map<String, UUID> dossierIds,
            int units,
            int counters,
            int officers,
            int procedures,
            int dossiers,
            int returned,
            int early,
            int onTime,
            int late,
            int inProgress,
            int notAccepted,
            int withdrawn,
            int ratings,
            int satisfied,
            int answers,
            int reasons,
            int complaints,
            int accounts) {}

    @Override
    public Step step() {
        return Step.DEMO_DATA;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        if (directory.findUnit(DemoCatalogue.PROVINCE_CODE).isPresent()) {
            log.info(
                    "Demo data already present (unit {} exists); nothing generated ({} ms)",
                    DemoCatalogue.PROVINCE_CODE,
                    millisSince(started));
            // Every start says where to begin, not only the first: the first start's log is long gone.
            jdbc.query("""
                    SELECT d.id, d.code FROM dossier d WHERE d.status = 'RETURNED'
                      AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = d.id)
                    ORDER BY d.returned_at DESC LIMIT 3""", rs -> {
                log.info(
                        "Demo survey link (not yet rated): {} (dossier {})",
                        links.linkFor(DossierId.of(rs.getObject(1, UUID.class))),
                        rs.getString(2));
            });
            logInsOfTheDemo();
            return;
        }
        DemoPlan plan = DemoPlan.generate(seed, dossierCount, LocalDate.now(clock), clock.getZone());
        Written w = transaction.execute(tx -> write(plan));
        log.info(
                "Demo data generated in {} ms (seed {}, data up to {}): {} units, {} counters, {} officers, {} procedures; "
                        + "{} dossiers ({} returned: {} early, {} on time, {} late; {} in progress, {} not accepted, {} withdrawn); "
                        + "{} ratings ({} satisfied, {}%), {} answers, {} reasons; {} complaints; {} accounts",
                millisSince(started),
                seed,
                plan.today().minusDays(1),
                w.units(),
                w.counters(),
                w.officers(),
                w.procedures(),
                w.dossiers(),
                w.returned(),
                w.early(),
                w.onTime(),
                w.late(),
                w.inProgress(),
                w.notAccepted(),
                w.withdrawn(),
                w.ratings(),
                w.satisfied(),
                w.ratings() == 0 ? 0 : Math.round(1000.0 * w.satisfied() / w.ratings()) / 10.0,
                w.answers(),
                w.reasons(),
                w.complaints(),
                w.accounts());
        for (PlannedDossier d : plan.unratedRecentlyReturned(3)) {
            log.info(
                    "Demo survey link (not yet rated): {} (dossier {})",
                    links.linkFor(
                            DossierId.of(Objects.requireNonNull(w.dossierIds().get(d.code())))),
                    d.code());
        }
        logInsOfTheDemo();
    }

    private static void logInsOfTheDemo() {
        for (DemoAccount a : DemoCatalogue.ACCOUNTS) {
            log.info("Demo log-in: {} / {} ({})", a.username(), a.password(), a.role());
        }
    }

    private Written write(DemoPlan plan) {
        // The directory, officers, procedures and accounts are few: they go through the services,
        // with all their checks.
        Map<String, UUID> unitIds = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        units.add(DemoCatalogue.PROVINCE);
        units.add(DemoCatalogue.CENTRE_AGENCY);
        units.addAll(DemoCatalogue.DEPARTMENTS);
        units.addAll(DemoCatalogue.COMMUNES);
        LocalDate firstDay = plan.today().minusDays(DemoPlan.DAYS);
        for (Unit u : units) {
            LocalDate validFrom = u.kind() != AgencyKind.COMMUNE
                    ? UNITS_VALID_FROM
                    : COMMUNES_VALID_FROM.isBefore(firstDay) ? COMMUNES_VALID_FROM : firstDay;
            UUID id = directory
                    .upsertUnit(
                            u.code(),
                            new UnitChange(u.name(), u.kind().name(), u.parent(), u.peerGroup(), validFrom, null, null))
                    .unit()
                    .id();
            unitIds.put(u.code(), id);
        }
        // Demo data, like DemoCatalogue: the demo centre's name and, below, a resolved case's note.
        directory.upsertCentre(
                DemoCatalogue.CENTRE_CODE,
                "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
                DemoCatalogue.CENTRE_AGENCY_CODE);
        for (CounterDef c : DemoCatalogue.COUNTERS) {
            directory.upsertCounter(c.code(), c.name(), DemoCatalogue.CENTRE_CODE);
        }
        Map<String, UUID> procedureIds = new HashMap<>();
        for (ProcedureDef p : DemoCatalogue.PROCEDURES) {
            procedureIds.put(
                    p.code(),
                    directory.registerProcedure(p.code(), p.name(), p.field()).id());
        }
        Map<String, UUID> officerIds = new HashMap<>();
        for (DemoPlan.Officer o : plan.officers()) {
            officerIds.put(o.externalId(), directory.registerOfficer(o.externalId(), o.name()));
        }

        // Dossiers and everything hanging off them are written with plain JDBC batches instead of
        // DossierIntakeService and RatingService: the services cost several queries and a flush
        // per dossier and per rating, far too slow for 20,000 dossiers at start-up, while batches
        // of 1,000 rows write everything in a few seconds. The price: no DossierRecorded or
        // RatingSubmitted events are published for demo data, so survey links are issued
        // explicitly below, and any future listener that keeps derived data must be filled for the
        // demo here as well. The rows keep the services' rules: timeliness from Timeliness.of,
        // answers checked against the active questionnaire, times stored the way Hibernate stores
        // Instants (see utc()).
        Questionnaire questionnaire = questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE);
        List<Object[]> dossierRows = new ArrayList<>();
        List<Object[]> officerRows = new ArrayList<>();
        List<Object[]> ratingRows = new ArrayList<>();
        List<Object[]> caseRows = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        List<Object[]> reasonRows = new ArrayList<>();
        List<Object[]> complaintRows = new ArrayList<>();
        Map<String, UUID> dossierIds = new HashMap<>();
        int returned = 0;
        int early = 0;
        int onTime = 0;
        int late = 0;
        int inProgress = 0;
        int notAccepted = 0;
        int withdrawn = 0;
        int satisfied = 0;
        for (PlannedDossier d : plan.dossiers()) {
            UUID id = Ids.newId();
            dossierIds.put(d.code(), id);
            // The plan's procedures, units and officers were all written above.
            UUID procedureId = Objects.requireNonNull(procedureIds.get(d.procedureCode()));
            UUID competentId = Objects.requireNonNull(unitIds.get(d.competentUnit()));
            Timeliness timeliness = Timeliness.of(d.dueAt(), d.returnedAt(), clock.getZone());
            dossierRows.add(new Object[] {
                id.toString(),
                d.code(),
                procedureId.toString(),
                Objects.requireNonNull(unitIds.get(d.receivingUnit())).toString(),
                competentId.toString(),
                competentId.toString(),
                d.channel().name(),
                d.applicantKind().name(),
                d.status().name(),
                utc(d.receivedAt()),
                utc(d.dueAt()),
                utc(d.returnedAt()),
                timeliness == null ? null : timeliness.name(),
                d.supplementRequests(),
                utc(d.receivedAt()),
                utc(d.updatedAt())
            });
            for (OfficerPart part : d.officers()) {
                officerRows.add(new Object[] {
                    id.toString(),
                    Objects.requireNonNull(officerIds.get(part.officerExternalId()))
                            .toString(),
                    part.role().name()
                });
            }
            switch (d.status()) {
                case RETURNED -> {
                    returned++;
                    switch (Objects.requireNonNull(timeliness)) { // a returned dossier has a due date
                        case EARLY -> early++;
                        case ON_TIME -> onTime++;
                        case LATE -> late++;
                    }
                }
                case NOT_ACCEPTED -> notAccepted++;
                case WITHDRAWN -> withdrawn++;
                default -> inProgress++;
            }
            PlannedRating r = d.rating();
            if (r != null) {
                FieldErrors errors = new FieldErrors();
                Questionnaire.CheckedAnswers checked =
                        questionnaire.check(r.answers(), r.reasons(), r.comment(), errors);
                if (!errors.isEmpty()) {
                    errors.throwIfAny();
                }
                UUID ratingId = Ids.newId();
                String idempotencyKey = "demo-" + d.code();
                ratingRows.add(new Object[] {
                    ratingId.toString(),
                    id.toString(),
                    id.toString(),
                    competentId.toString(),
                    procedureId.toString(),
                    r.channel().name(),
                    questionnaire.templateId().toString(),
                    RatingStatus.COUNTED.name(),
                    checked.overall().key(),
                    checked.overall().points(),
                    checked.comment(),
                    utc(r.submittedAt()),
                    r.deviceId(),
                    idempotencyKey,
                    requestHash(d.code(), r)
                });
                checked.answers()
                        .forEach((criterion, option) -> answerRows.add(
                                new Object[] {ratingId.toString(), criterion, option.key(), option.points()}));
                for (String reason : checked.reasons()) {
                    reasonRows.add(new Object[] {ratingId.toString(), reason});
                }
                if (checked.overall().points() > 0) {
                    satisfied++;
                } else {
                    caseRows.add(followUpCase(ratingId, id, competentId, r.submittedAt()));
                }
            }
            PlannedComplaint c = d.complaint();
            if (c != null) {
                complaintRows.add(new Object[] {
                    Ids.newId().toString(),
                    id.toString(),
                    c.externalId(),
                    utc(c.receivedAt()),
                    utc(c.deadline()),
                    utc(c.handledAt()),
                    c.aboutHandling(),
                    c.complainantSatisfied()
                });
            }
        }
        insert(
                "INSERT INTO dossier (id, version, code, procedure_id, receiving_agency_id, competent_agency_id, "
                        + "evaluated_agency_id, channel, applicant_kind, status, received_at, due_at, returned_at, timeliness, "
                        + "supplement_requests, created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                dossierRows);
        insert("INSERT INTO dossier_officer (dossier_id, officer_id, role) VALUES (?, ?, ?)", officerRows);
        insert(
                "INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel, "
                        + "template_id, status, overall_option, overall_points, comment, submitted_at, device_id, idempotency_key, "
                        + "request_hash) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ratingRows);
        insert(
                "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES (?, ?, ?, ?)",
                answerRows);
        insert("INSERT INTO rating_reason (rating_id, reason_code) VALUES (?, ?)", reasonRows);
        // Each "not satisfied" rating has its follow-up case, as FollowUpService would have opened it.
        insert(
                "INSERT INTO follow_up_case (id, version, rating_id, dossier_id, responsible_unit_id, status, opened_at, due_on, "
                        + "contacted_at, resolved_at, closed_at, outcome) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseRows);
        insert(
                "INSERT INTO complaint (id, version, dossier_id, external_id, received_at, deadline, handled_at, about_handling, "
                        + "complainant_satisfied) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
                complaintRows);

        // Every dossier gets its survey link, as DossierIntakeService's event would have done.
        List<DossierId> ids = new ArrayList<>(dossierIds.size());
        plan.dossiers().forEach(d -> ids.add(DossierId.of(Objects.requireNonNull(dossierIds.get(d.code())))));
        for (int from = 0; from < ids.size(); from += BATCH) {
            links.issue(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }

        // The ratings feed hands on the demo's ratings too, as RatingService's event would have noted them.
        feed.recordUnlogged();

        for (DemoAccount a : DemoCatalogue.ACCOUNTS) {
            accounts.ensureAccount(a.username(), a.password(), a.displayName(), a.role(), a.agencyCode());
        }
        return new Written(
                dossierIds,
                units.size(),
                DemoCatalogue.COUNTERS.size(),
                officerIds.size(),
                procedureIds.size(),
                dossierRows.size(),
                returned,
                early,
                onTime,
                late,
                inProgress,
                notAccepted,
                withdrawn,
                ratingRows.size(),
                satisfied,
                answerRows.size(),
                reasonRows.size(),
                complaintRows.size(),
                DemoCatalogue.ACCOUNTS.size());
    }

    /**
     * A follow-up case at the stage a unit would plausibly have reached: long closed when the
     * rating is old, resolved or contacted when recent, some of the newest still open (and a few
     * of those overdue), so that the follow-up list has something to show.
     */
    private Object[] followUpCase(UUID ratingId, UUID dossierId, UUID unitId, Instant opened) {
        LocalDate openedOn = opened.atZone(clock.getZone()).toLocalDate();
        LocalDate due = openedOn;
        for (int workingDays = 0; workingDays < 5; ) {
            due = due.plusDays(1);
            if (due.getDayOfWeek().getValue() <= 5) {
                workingDays++;
            }
        }
        long ageDays = Duration.between(opened, clock.instant()).toDays();
        Instant contacted = opened.plus(Duration.ofHours(26));
        Instant resolved = opened.plus(Duration.ofDays(3));
        String status;
        if (ageDays > 30) {
            status = "CLOSED";
        } else if (ageDays > 12) {
            status = "RESOLVED";
        } else if (ageDays > 4 && (ratingId.getLeastSignificantBits() & 1) == 0) {
            status = "CONTACTED";
        } else {
            status = "OPEN";
        }
        boolean contactedYet = !status.equals("OPEN");
        boolean resolvedYet = status.equals("RESOLVED") || status.equals("CLOSED");
        return new Object[] {
            Ids.newId().toString(),
            ratingId.toString(),
            dossierId.toString(),
            unitId.toString(),
            status,
            utc(opened),
            due,
            contactedYet ? utc(contacted) : null,
            resolvedYet ? utc(resolved) : null,
            status.equals("CLOSED") ? utc(opened.plus(Duration.ofDays(7))) : null,
            resolvedYet
                    ? "Đã gọi điện giải thích quy trình và thời hạn; công dân đồng ý với cách giải quyết (dữ liệu minh hoạ)."
                    : null
        };
    }

    private void insert(String sql, List<Object[]> rows) {
        jdbc.batchUpdate(sql, rows, BATCH, DemoDataGenerator::bind);
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, row[i]);
            }
        }
    }

    /**
     * An Instant as the DATETIME(6) value Hibernate writes for it: the UTC wall-clock time
     * ({@code hibernate.jdbc.time_zone=UTC}). A LocalDateTime is sent as is, whatever the JVM's
     * default zone; a java.sql.Timestamp would be shifted by the driver into the JVM's zone.
     */
    static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A deterministic stand-in for RatingService's request hash: SHA-256 of the rating's content. */
    static byte[] requestHash(String dossierCode, PlannedRating r) {
        StringBuilder canonical = new StringBuilder("demo|")
                .append(dossierCode)
                .append('|')
                .append(r.channel())
                .append('|');
        new TreeMap<>(r.answers())
                .forEach((k, v) -> canonical.append(k).append('=').append(v).append(';'));
        canonical
                .append('|')
                .append(r.reasons())
                .append('|')
                .append(r.comment())
                .append('|')
                .append(r.deviceId());
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
