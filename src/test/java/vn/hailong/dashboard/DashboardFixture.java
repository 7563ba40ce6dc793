package vn.hailong.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.intake.DossierSubmission.OfficerPart;
import vn.hailong.platform.Ids;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

/**
 * A small province for dashboard tests, with codes of its own: a department (parent) with a
 * sub-unit (child) and an unrelated unit (other); dossiers returned this month, last month and a
 * year ago, some late; ratings through every channel (kiosk ones superseded by phones), plus
 * ratings loaded in bulk at earlier dates (their events delivered afterwards, as a replay would).
 */
public final class DashboardFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String TEMPLATE = "018f0000-0000-7000-8000-000000000001";

    public final String parent;
    public final String child;
    public final String other;
    public final UUID parentId;
    public final UUID childId;
    public final UUID otherId;
    public final String officerMany;
    public final String officerFew;
    public final List<DossierDetails> dossiers = new ArrayList<>();
    public final List<UUID> ratings = new ArrayList<>();
    public DossierDetails unhappyDossier;

    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratingService;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private int sequence;

    /**
     * Builds the province and waits for the rollups to take it in: they follow the ratings through
     * the outbox (ADR 070), a few milliseconds behind, and the figures tests compare must not race that.
     */
    public DashboardFixture(
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratingService,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            RollupDrainer rollups) {
        this.directory = directory;
        this.intake = intake;
        this.ratingService = ratingService;
        this.jdbc = jdbc;
        this.events = events;
        String suffix = TestData.uniqueSuffix();
        parent = TestData.agencyCode();
        directory.upsertUnit(
                parent,
                new UnitChange("Sở Thử nghiệm Bảng điều khiển " + suffix, "DEPARTMENT", null, null, null, null, null));
        child = TestData.agencyCode();
        directory.upsertUnit(
                child, new UnitChange("Chi cục Thử nghiệm " + suffix, "OTHER", parent, null, null, null, null));
        other = TestData.agencyCode();
        directory.upsertUnit(
                other, new UnitChange("Xã Thử nghiệm khác " + suffix, "COMMUNE", null, null, null, null, null));
        parentId = directory.getUnit(parent).id();
        childId = directory.getUnit(child).id();
        otherId = directory.getUnit(other).id();
        officerMany = "cb-nhieu-" + suffix;
        officerFew = "cb-it-" + suffix;
        build();
        rollups.drainAll();
    }

    public Set<UUID> parentSubtree() {
        return Set.of(parentId, childId);
    }

    /** A day of this month before today (today itself on the 1st), at this hour, in the province's zone. */
    public static Instant thisMonth(int index, int hour) {
        LocalDate today = LocalDate.now(ZONE);
        int span = Math.max(1, today.getDayOfMonth() - 1);
        LocalDate day = today.withDayOfMonth(1).plusDays(index % span);
        Instant at = day.atTime(hour, 5).atZone(ZONE).toInstant();
        return at.isAfter(Instant.now()) ? Instant.now().minus(1, ChronoUnit.MINUTES) : at;
    }

    /**
     * On the first day of last month, so that a running month compared with as many days of the
     * month before (on any day of this one) counts all of it.
     */
    static Instant lastMonth(int index, int hour) {
        return LocalDate.now(ZONE)
                .withDayOfMonth(1)
                .minusMonths(1)
                .atTime(hour, 10 + index)
                .atZone(ZONE)
                .toInstant();
    }

    /** On the first day of this month a year ago (see {@link #lastMonth}). */
    static Instant lastYear(int index, int hour) {
        return LocalDate.now(ZONE)
                .withDayOfMonth(1)
                .minusYears(1)
                .atTime(hour, 20 + index)
                .atZone(ZONE)
                .toInstant();
    }

    private void build() {
        // This month: 14 dossiers returned (parent 8, child 6), 3 late; one open.
        for (int i = 0; i < 14; i++) {
            String unit = i < 8 ? parent : child;
            String officer = i < 10 ? officerMany : officerFew;
            dossiers.add(returned(unit, thisMonth(i, 9 + i % 6), i % 5 == 1, officer, "1.00" + (4220 + i % 3)));
        }
        // Ratings now, through every channel; kiosk ratings of two dossiers superseded by phones.
        rate(
                dossiers.get(0),
                "KIOSK",
                Map.of("overall", "VERY_SATISFIED", "attitude", "VERY_SATISFIED"),
                List.of(),
                null,
                "quay-1");
        rate(
                dossiers.get(0),
                "QR",
                Map.of("overall", "DISSATISFIED", "attitude", "DISSATISFIED"),
                List.of("ATTITUDE"),
                "Cán bộ thờ ơ, không hướng dẫn",
                null);
        rate(dossiers.get(1), "KIOSK", Map.of("overall", "SATISFIED"), List.of(), null, "quay-1");
        rate(dossiers.get(1), "QR", Map.of("overall", "VERY_SATISFIED", "contacts", "NONE"), List.of(), null, null);
        rate(
                dossiers.get(2),
                "KIOSK",
                Map.of("overall", "VERY_SATISFIED", "contacts", "ONCE"),
                List.of(),
                null,
                "quay-2");
        rate(
                dossiers.get(3),
                "PORTAL",
                Map.of("overall", "SATISFIED", "convenience", "SATISFIED"),
                List.of(),
                null,
                null);
        rate(
                dossiers.get(4),
                "PAPER",
                Map.of("overall", "DISSATISFIED", "contacts", "MORE"),
                List.of("SLOW", "EXTRA_DOCUMENTS"),
                "Trả kết quả chậm",
                null);
        rate(dossiers.get(5), "PHONE", Map.of("overall", "VERY_SATISFIED"), List.of(), null, null);
        rate(dossiers.get(8), "QR", Map.of("overall", "SATISFIED", "agencies", "COUNTER_ONLY"), List.of(), null, null);
        rate(dossiers.get(9), "KIOSK", Map.of("overall", "DISSATISFIED"), List.of("SLOW"), null, "quay-2");
        rate(dossiers.get(10), "PORTAL", Map.of("overall", "VERY_SATISFIED"), List.of(), null, null);
        rate(dossiers.get(11), "QR", Map.of("overall", "SATISFIED"), List.of(), null, null);
        unhappyDossier = dossiers.get(4);
        // Bulk-loaded ratings of this month at other hours.
        ratings.add(raw(dossiers.get(6), thisMonth(6, 14), "SATISFIED", 1, "quay-1"));
        ratings.add(raw(dossiers.get(7), thisMonth(7, 16), "VERY_SATISFIED", 2, null));
        // Last month: 6 returned (1 late), 4 rated; a year ago: 5 returned, 5 rated.
        for (int i = 0; i < 6; i++) {
            DossierDetails d = returned(i % 2 == 0 ? parent : child, lastMonth(i, 10), i == 0, officerMany, "1.004220");
            if (i < 4) {
                ratings.add(
                        raw(d, lastMonth(i, 11 + i), i == 3 ? "DISSATISFIED" : "VERY_SATISFIED", i == 3 ? 0 : 2, null));
            }
        }
        for (int i = 0; i < 5; i++) {
            DossierDetails d = returned(parent, lastYear(i, 8), false, officerMany, "1.004221");
            ratings.add(raw(d, lastYear(i, 9 + i), "SATISFIED", 1, null));
        }
        // The unrelated unit: figures that must never leak into the parent's.
        for (int i = 0; i < 3; i++) {
            DossierDetails d = returned(other, thisMonth(i, 10), true, officerMany, "1.004220");
            rate(d, "PORTAL", Map.of("overall", "DISSATISFIED"), List.of("OTHER"), "Không rõ ràng", null);
        }
    }

    DossierDetails returned(String unit, Instant returnedAt, boolean late, String officer, String procedure) {
        String code = TestData.dossierCode(unit, ++sequence);
        Instant received = returnedAt.minus(12, ChronoUnit.DAYS);
        Instant due = late ? returnedAt.minus(2, ChronoUnit.HOURS) : returnedAt.plus(3, ChronoUnit.DAYS);
        return intake.upsert(
                        code,
                        new DossierSubmission(
                                procedure,
                                "Thủ tục thử " + procedure,
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RETURNED",
                                iso(received),
                                iso(due),
                                iso(returnedAt),
                                List.of(new OfficerPart(officer, "Cán bộ " + officer, "RETURNING")),
                                0))
                .dossier();
    }

    static String iso(Instant i) {
        return i.atZone(ZONE).toOffsetDateTime().toString();
    }

    RatingOutcome rate(
            DossierDetails d,
            String channel,
            Map<String, String> answers,
            List<String> reasons,
            String comment,
            String device) {
        SecurityContext saved = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (Set.of("PORTAL", "PAPER", "PHONE").contains(channel)) {
            context.setAuthentication(new TestingAuthenticationToken("one-stop", null, Role.INTEGRATOR_AUTHORITY));
        }
        SecurityContextHolder.setContext(context);
        try {
            RatingOutcome outcome = ratingService.submit(new RatingSubmission(
                    d.code(),
                    channel,
                    channel.toLowerCase() + "-" + UUID.randomUUID(),
                    answers,
                    reasons,
                    comment,
                    device));
            ratings.add(outcome.ratingId().value());
            return outcome;
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }

    UUID raw(DossierDetails d, Instant submittedAt, String overall, int points, String device) {
        UUID id = Ids.newId();
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        jdbc.update(
                "INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel, template_id, "
                        + "status, overall_option, overall_points, comment, submitted_at, device_id, idempotency_key, request_hash) "
                        + "VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'COUNTED', ?, ?, NULL, ?, ?, ?, ?)",
                id.toString(),
                d.id().toString(),
                d.id().toString(),
                d.evaluatedUnitId().toString(),
                d.procedureId().toString(),
                device == null ? "PAPER" : "KIOSK",
                TEMPLATE,
                overall,
                points,
                Timestamp.valueOf(LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC)),
                device,
                "raw-" + id,
                hash);
        jdbc.update(
                "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES (?, 'overall', ?, ?)",
                id.toString(),
                overall,
                points);
        jdbc.update(
                "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES (?, 'attitude', 'SATISFIED', 1)",
                id.toString());
        events.publishEvent(
                new RatingSubmitted(RatingId.of(id), d.id(), d.evaluatedUnitId(), null, overall, points, submittedAt));
        return id;
    }

    /** Signs in as a new account of this role (of this unit, for unit roles) and returns its username. */
    public static String signIn(AccountService accounts, Role role, String unit) {
        String username =
                role.name().toLowerCase() + "-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "mat-khau-" + username, "Người dùng thử", role, unit);
        signInAs(accounts, username);
        return username;
    }

    public static void signInAs(AccountService accounts, String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
