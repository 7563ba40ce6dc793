package vn.hailong.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import vn.hailong.demo.DemoCatalogue.CounterDef;
import vn.hailong.demo.DemoCatalogue.ProcedureDef;
import vn.hailong.demo.DemoCatalogue.Unit;
import vn.hailong.intake.ApplicantKind;
import vn.hailong.intake.DossierChannel;
import vn.hailong.intake.DossierStatus;
import vn.hailong.intake.OfficerRole;
import vn.hailong.intake.Timeliness;
import vn.hailong.rating.RatingChannel;

/**
 * The demo year, computed in memory before anything is written: officers, each unit's
 * "personality" (how often it is late, how satisfied its citizens are) and every dossier with its
 * rating and complaint. Pure Java and a function of (seed, dossier count, today, zone) only, so the
 * same day always gives the same data, and the rules are tested without a database.
 *
 * <p>Everything happens before {@code today} starts (the cut-off): dossiers are received on the 365
 * days before today; a result, rating or complaint answer that would fall on or after the cut-off
 * has not happened yet, so recent dossiers are still in progress and recent returns still unrated.
 */
final class DemoPlan {

    static final String OVERALL = "overall";
    static final String VERY_SATISFIED = "VERY_SATISFIED";
    static final String SATISFIED = "SATISFIED";
    static final String DISSATISFIED = "DISSATISFIED";
    static final int DAYS = 365;

    /** Share of dossiers decided by communes (the rest by departments). */
    private static final double COMMUNE_SHARE = 0.48;

    private static final double POSTAL_SHARE = 0.05;
    private static final LocalTime OFFICE_OPENS = LocalTime.of(7, 30);
    private static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);
    /** Due dates fall at the end of the working day. */
    private static final LocalTime DUE_TIME = OFFICE_CLOSES;
    /** Dossiers received after this time count from the next working day. */
    private static final LocalTime LATE_RECEIPT = LocalTime.of(16, 0);

    /** Machine-facing, not for reading: the yyMMdd part of a demo dossier's code. */
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** First day of the lunar new year (Tết), when offices close for about a week. */
    private static final List<LocalDate> TET = List.of(
            LocalDate.of(2024, 2, 10),
            LocalDate.of(2025, 1, 29),
            LocalDate.of(2026, 2, 17),
            LocalDate.of(2027, 2, 6),
            LocalDate.of(2028, 1, 26),
            LocalDate.of(2029, 2, 13),
            LocalDate.of(2030, 2, 3),
            LocalDate.of(2031, 1, 23),
            LocalDate.of(2032, 2, 11));

    record Officer(
            String externalId,
            String name,
            String unitCode,
            @Nullable String counterCode) {}

    record OfficerPart(String officerExternalId, OfficerRole role) {}

    /** How a unit performs: the basis of its ranking. */
    record UnitProfile(
            String unitCode,
            double lateRate,
            double earlyShare,
            double dissatisfiedRate,
            double veryShare,
            double ratedShare) {}

    /** Answers by criterion key (overall first), reason codes, optional comment. */
    record PlannedRating(
            RatingChannel channel,
            Instant submittedAt,
            @Nullable String deviceId,
            Map<String, String> answers,
            List<String> reasons,
            @Nullable String comment) {

        String overall() {
            return Objects.requireNonNull(answers.get(OVERALL)); // every planned rating answers it
        }

        boolean satisfied() {
            return !DISSATISFIED.equals(overall());
        }
    }

    record PlannedComplaint(
            @Nullable String externalId,
            Instant receivedAt,
            Instant deadline,
            @Nullable Instant handledAt,
            boolean aboutHandling,
            @Nullable Boolean complainantSatisfied) {}

    record PlannedDossier(
            String code,
            String procedureCode,
            String receivingUnit,
            String competentUnit,
            DossierChannel channel,
            ApplicantKind applicantKind,
            DossierStatus status,
            Instant receivedAt,
            @Nullable Instant dueAt,
            @Nullable Instant returnedAt,
            @Nullable Timeliness timeliness,
            int supplementRequests,
            Instant updatedAt,
            List<OfficerPart> officers,
            @Nullable PlannedRating rating,
            @Nullable PlannedComplaint complaint) {}

    private final ZoneId zone;
    private final LocalDate today;
    private final Instant cutoff;
    private final List<Officer> officers;
    private final Map<String, UnitProfile> profiles;
    private final List<PlannedDossier> dossiers;

    // Look-ups built once for the generation.
    private final Map<String, List<String>> officersByUnit = new HashMap<>();
    private final Map<String, List<String>> officersByCounter = new HashMap<>();
    private final Map<String, String> counterOfDepartment = new HashMap<>();

    private DemoPlan(long seed, int dossierCount, LocalDate today, ZoneId zone) {
        this.zone = zone;
        this.today = today;
        this.cutoff = today.atStartOfDay(zone).toInstant();
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom profileRandom = master.split();
        SplittableRandom officerRandom = master.split();
        SplittableRandom dossierRandom = master.split();
        for (CounterDef counter : DemoCatalogue.COUNTERS) {
            counter.departments().forEach(d -> counterOfDepartment.put(d, counter.code()));
        }
        this.profiles = profiles(profileRandom);
        this.officers = officers(officerRandom);
        this.dossiers = dossiers(dossierRandom, dossierCount);
    }

    /** The plan for this seed, size and day; the same arguments always give an equal plan. */
    static DemoPlan generate(long seed, int dossierCount, LocalDate today, ZoneId zone) {
        if (dossierCount < 0 || dossierCount > 1_000_000) {
            throw new IllegalArgumentException("hailong.demo.dossiers must be between 0 and 1,000,000");
        }
        return new DemoPlan(seed, dossierCount, today, zone);
    }

    List<Officer> officers() {
        return officers;
    }

    Map<String, UnitProfile> profiles() {
        return profiles;
    }

    /** Dossiers in the order they were received. */
    List<PlannedDossier> dossiers() {
        return dossiers;
    }

    /** The start of today: nothing in the plan happens at or after it. */
    Instant cutoff() {
        return cutoff;
    }

    LocalDate today() {
        return today;
    }

    /**
     * Dossiers returned in the last days and not rated yet, latest first, at most one per
     * receiving unit: what a person trying the demo can rate.
     */
    List<PlannedDossier> unratedRecentlyReturned(int count) {
        Instant since = cutoff.minus(Duration.ofDays(5));
        Set<String> units = new HashSet<>();
        return dossiers.stream()
                .filter(d -> d.status() == DossierStatus.RETURNED
                        && d.rating() == null
                        && Objects.requireNonNull(d.returnedAt()).isAfter(since)) // RETURNED: it has the time
                .sorted(Comparator.comparing(PlannedDossier::returnedAt)
                        .reversed()
                        .thenComparing(PlannedDossier::code))
                .filter(d -> units.add(d.receivingUnit()))
                .limit(count)
                .toList();
    }

    // ---------------------------------------------------------------- units and officers

    private static Map<String, UnitProfile> profiles(SplittableRandom r) {
        Map<String, UnitProfile> result = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>(DemoCatalogue.DEPARTMENTS);
        units.addAll(DemoCatalogue.COMMUNES);
        for (Unit unit : units) {
            // Squared draws: most units do well, a few clearly less so.
            double lateness = r.nextDouble();
            double unhappiness = r.nextDouble();
            result.put(
                    unit.code(),
                    new UnitProfile(
                            unit.code(),
                            0.003 + 0.047 * lateness * lateness,
                            0.45 + 0.35 * r.nextDouble(),
                            0.005 + 0.055 * unhappiness * unhappiness,
                            0.45 + 0.35 * r.nextDouble(),
                            0.55 + 0.20 * r.nextDouble()));
        }
        return result;
    }

    private List<Officer> officers(SplittableRandom r) {
        List<Officer> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CounterDef counter : DemoCatalogue.COUNTERS) {
            int count =
                    counter.code().endsWith("Q01") ? 3 : counter.code().equals(DemoCatalogue.POSTAL_COUNTER) ? 1 : 2;
            for (int i = 0; i < count; i++) {
                result.add(officer(r, names, result.size(), DemoCatalogue.CENTRE_AGENCY_CODE, counter.code()));
            }
        }
        for (Unit department : DemoCatalogue.DEPARTMENTS) {
            boolean busy = department.code().equals(DemoCatalogue.TNMT_CODE)
                    || department.code().equals("000.00.05.H56");
            for (int i = 0; i < (busy ? 2 : 1); i++) {
                result.add(officer(r, names, result.size(), department.code(), null));
            }
        }
        for (Unit commune : DemoCatalogue.COMMUNES) {
            result.add(officer(r, names, result.size(), commune.code(), null));
        }
        for (Officer o : result) {
            officersByUnit.computeIfAbsent(o.unitCode(), k -> new ArrayList<>()).add(o.externalId());
            if (o.counterCode() != null) {
                officersByCounter
                        .computeIfAbsent(o.counterCode(), k -> new ArrayList<>())
                        .add(o.externalId());
            }
        }
        return List.copyOf(result);
    }

    private static Officer officer(
            SplittableRandom r, Set<String> taken, int index, String unitCode, @Nullable String counterCode) {
        String name;
        do {
            boolean female = r.nextDouble() < 0.55;
            name = pick(r, DemoCatalogue.FAMILY_NAMES) + " "
                    + (female
                            ? pick(r, DemoCatalogue.FEMALE_MIDDLE) + " " + pick(r, DemoCatalogue.FEMALE_GIVEN)
                            : pick(r, DemoCatalogue.MALE_MIDDLE) + " " + pick(r, DemoCatalogue.MALE_GIVEN));
        } while (!taken.add(name));
        return new Officer(String.format("H56-CB%03d", index + 1), name, unitCode, counterCode);
    }

    // ---------------------------------------------------------------- dossiers

    /** A dossier while it is being planned; codes are given once all are known. */
    private static final class Draft {
        final int index;
        final ProcedureDef procedure;
        final String receiving;
        final String competent;
        final DossierChannel channel;
        final ApplicantKind applicant;
        final Instant receivedAt;
        /** Set by plan(), on every path. */
        @Nullable
        DossierStatus status;

        @Nullable
        Instant dueAt;

        @Nullable
        Instant returnedAt;

        int supplements;
        /** Set by plan(), on every path. */
        @Nullable
        Instant updatedAt;

        List<OfficerPart> officers = new ArrayList<>();

        @Nullable
        PlannedRating rating;

        @Nullable
        PlannedComplaint complaint;

        Draft(
                int index,
                ProcedureDef procedure,
                String receiving,
                String competent,
                DossierChannel channel,
                ApplicantKind applicant,
                Instant receivedAt) {
            this.index = index;
            this.procedure = procedure;
            this.receiving = receiving;
            this.competent = competent;
            this.channel = channel;
            this.applicant = applicant;
            this.receivedAt = receivedAt;
        }
    }

    private List<PlannedDossier> dossiers(SplittableRandom r, int count) {
        List<ProcedureDef> communeProcedures = DemoCatalogue.PROCEDURES.stream()
                .filter(ProcedureDef::communeLevel)
                .toList();
        List<ProcedureDef> departmentProcedures =
                DemoCatalogue.PROCEDURES.stream().filter(p -> !p.communeLevel()).toList();
        double[] communeProcedureWeights = cumulative(
                communeProcedures.stream().mapToDouble(ProcedureDef::weight).toArray());
        double[] departmentProcedureWeights = cumulative(
                departmentProcedures.stream().mapToDouble(ProcedureDef::weight).toArray());
        double[] communeWeights = cumulative(
                DemoCatalogue.COMMUNES.stream().mapToDouble(Unit::weight).toArray());

        // Days of the past year, weighted: working days for counters; any day (less at weekends) online.
        // Volumes grow by a quarter over the year, as online services and the new centres take hold.
        LocalDate first = today.minusDays(DAYS);
        List<LocalDate> days = new ArrayList<>();
        double[] counterDayWeights = new double[DAYS];
        double[] onlineDayWeights = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            days.add(day);
            double trend = 1 + 0.25 * i / DAYS;
            counterDayWeights[i] = isWorkingDay(day) ? trend : 0;
            onlineDayWeights[i] = (isWorkingDay(day) ? 1 : 0.15) * trend;
        }
        double[] counterDays = cumulative(counterDayWeights);
        double[] onlineDays = cumulative(onlineDayWeights);

        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean communeLevel = r.nextDouble() < COMMUNE_SHARE;
            ProcedureDef procedure = communeLevel
                    ? communeProcedures.get(pick(r, communeProcedureWeights))
                    : departmentProcedures.get(pick(r, departmentProcedureWeights));
            String competent = communeLevel
                    ? DemoCatalogue.COMMUNES.get(pick(r, communeWeights)).code()
                    : Objects.requireNonNull(procedure.department()); // not commune level: a department's
            double c = r.nextDouble();
            DossierChannel channel = c < procedure.online()
                    ? DossierChannel.ONLINE
                    : procedure.online() > 0 && c < procedure.online() + POSTAL_SHARE
                            ? DossierChannel.POSTAL
                            : DossierChannel.IN_PERSON;
            double a = r.nextDouble();
            ApplicantKind applicant = a < procedure.business()
                    ? ApplicantKind.BUSINESS
                    : a < procedure.business() + 0.01
                            ? ApplicantKind.STATE_AGENCY
                            : a < procedure.business() + 0.025 ? ApplicantKind.OTHER : ApplicantKind.CITIZEN;
            String receiving;
            if (communeLevel) {
                // Since July 2025 a commune centre receives dossiers of any commune of the province.
                receiving = channel == DossierChannel.IN_PERSON && r.nextDouble() < 0.06
                        ? DemoCatalogue.COMMUNES.get(pick(r, communeWeights)).code()
                        : competent;
            } else {
                receiving = channel == DossierChannel.ONLINE ? competent : DemoCatalogue.CENTRE_AGENCY_CODE;
            }
            LocalDate day = days.get(pick(r, channel == DossierChannel.ONLINE ? onlineDays : counterDays));
            Instant receivedAt = day.atTime(receiptTime(r, channel, isWorkingDay(day)))
                    .atZone(zone)
                    .toInstant();
            Draft d = new Draft(i, procedure, receiving, competent, channel, applicant, receivedAt);
            plan(r, d);
            drafts.add(d);
        }

        // Codes: receiving unit, receipt day, and that unit's running number of the day.
        drafts.sort(Comparator.comparing((Draft d) -> d.receivedAt).thenComparingInt(d -> d.index));
        Map<String, Integer> sequences = new HashMap<>();
        int complaints = 0;
        List<PlannedDossier> result = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            String day = d.receivedAt.atZone(zone).toLocalDate().format(YYMMDD);
            int sequence = sequences.merge(d.receiving + "-" + day, 1, Integer::sum);
            String code = d.receiving + "-" + day + "-" + String.format("%04d", sequence);
            PlannedComplaint complaint = d.complaint == null
                    ? null
                    : new PlannedComplaint(
                            String.format("PAKN-H56-%05d", ++complaints),
                            d.complaint.receivedAt(),
                            d.complaint.deadline(),
                            d.complaint.handledAt(),
                            d.complaint.aboutHandling(),
                            d.complaint.complainantSatisfied());
            result.add(new PlannedDossier(
                    code,
                    d.procedure.code(),
                    d.receiving,
                    d.competent,
                    d.channel,
                    d.applicant,
                    Objects.requireNonNull(d.status), // plan() sets status and updatedAt on every path
                    d.receivedAt,
                    d.dueAt,
                    d.returnedAt,
                    Timeliness.of(d.dueAt, d.returnedAt, zone),
                    d.supplements,
                    Objects.requireNonNull(d.updatedAt),
                    List.copyOf(d.officers),
                    d.rating,
                    complaint));
        }
        return List.copyOf(result);
    }

    private static LocalTime receiptTime(SplittableRandom r, DossierChannel channel, boolean workingDay) {
        if (channel == DossierChannel.ONLINE && (!workingDay || r.nextDouble() < 0.35)) {
            return timeBetween(r, LocalTime.of(6, 0), LocalTime.of(23, 30));
        }
        return r.nextDouble() < 0.6
                ? timeBetween(r, OFFICE_OPENS, LocalTime.of(11, 30))
                : timeBetween(r, LocalTime.of(13, 30), OFFICE_CLOSES);
    }

    /** Decides what became of the dossier: status, due and return times, officers, rating, complaint. */
    private void plan(SplittableRandom r, Draft d) {
        UnitProfile profile = Objects.requireNonNull(profiles.get(d.competent)); // one per unit
        LocalDateTime received = LocalDateTime.ofInstant(d.receivedAt, zone);
        LocalDate start = received.toLocalDate();
        if (!isWorkingDay(start) || !received.toLocalTime().isBefore(LATE_RECEIPT)) {
            start = nextWorkingDay(start);
        }
        LocalDate dueDay = plusWorkingDays(start, d.procedure.days());
        Instant due = at(dueDay, DUE_TIME);
        String receivingOfficer = receivingOfficer(r, d);

        double fate = r.nextDouble();
        if (fate < 0.015) {
            // Not accepted at the counter ("không tiếp nhận"): incomplete or not competent; no due date.
            d.status = DossierStatus.NOT_ACCEPTED;
            d.updatedAt = beforeCutoff(d.receivedAt.plus(Duration.ofMinutes(5 + r.nextInt(55))));
            d.officers.add(new OfficerPart(receivingOfficer, OfficerRole.RECEIVING));
            return;
        }
        d.dueAt = due;
        d.officers.add(new OfficerPart(receivingOfficer, OfficerRole.RECEIVING));
        String processingOfficer = pick(r, Objects.requireNonNull(officersByUnit.get(d.competent)));
        d.officers.add(new OfficerPart(processingOfficer, OfficerRole.PROCESSING));
        double s = r.nextDouble();
        d.supplements = s < 0.003 ? 3 : s < 0.018 ? 2 : s < (d.procedure.days() >= 10 ? 0.12 : 0.06) ? 1 : 0;
        if (fate < 0.022) {
            d.status = DossierStatus.WITHDRAWN;
            d.updatedAt = beforeCutoff(d.receivedAt.plus(Duration.ofHours(2 + r.nextInt(24 * 5))));
            return;
        }
        if (fate < 0.025) {
            // Stuck: long overdue and still not decided.
            d.status = DossierStatus.PROCESSING;
            d.updatedAt = beforeCutoff(due.plus(Duration.ofDays(1 + r.nextInt(10))));
            return;
        }

        Instant returned = plannedReturn(r, d, profile, received, dueDay, due);
        if (!returned.isBefore(cutoff)) {
            // The result is not out yet: the dossier is somewhere on its way.
            double w = r.nextDouble();
            boolean receivedLately = d.receivedAt.isAfter(cutoff.minus(Duration.ofDays(1)));
            if (receivedLately && w < 0.5) {
                d.status = DossierStatus.RECEIVED;
            } else if (d.procedure.field().equals("Đất đai") && w < 0.3) { // data: a field of DemoCatalogue
                d.status = DossierStatus.FINANCIAL_OBLIGATION_REQUESTED;
            } else if (w < 0.12) {
                d.status = DossierStatus.SUPPLEMENT_REQUESTED;
                d.supplements = Math.max(1, d.supplements);
            } else if (w < 0.2) {
                d.status = DossierStatus.PROCESSED;
            } else {
                d.status = DossierStatus.PROCESSING;
            }
            d.updatedAt = beforeCutoff(d.receivedAt.plus(Duration.ofMinutes(30 + r.nextInt(60 * 24 * 3))));
            return;
        }
        d.status = DossierStatus.RETURNED;
        d.returnedAt = returned;
        d.updatedAt = returned;
        String returningOfficer = returningOfficer(r, d, processingOfficer);
        d.officers.add(new OfficerPart(returningOfficer, OfficerRole.RETURNING));
        Timeliness timeliness = Timeliness.of(due, returned, zone);
        d.rating = rating(r, d, profile, timeliness);
        d.complaint = complaint(r, d, timeliness);
    }

    /** When the result would be returned, by the unit's habits; may lie after the cut-off. */
    private Instant plannedReturn(
            SplittableRandom r, Draft d, UnitProfile profile, LocalDateTime received, LocalDate dueDay, Instant due) {
        double lateRate = profile.lateRate() * (d.supplements > 0 ? 2 : 1);
        double t = r.nextDouble();
        if (t < lateRate) {
            int daysLate = 1 + (int) Math.floor(-Math.log(1 - r.nextDouble()) * 2.5);
            return at(
                    plusWorkingDays(dueDay, Math.min(daysLate, 15)),
                    timeBetween(r, LocalTime.of(8, 0), LocalTime.of(16, 30)));
        }
        LocalDate receivedDay = received.toLocalDate();
        if (r.nextDouble() < profile.earlyShare()) {
            // Early: a working day before the due day, more often close to it.
            List<LocalDate> candidates = new ArrayList<>();
            for (LocalDate day = receivedDay; day.isBefore(dueDay); day = day.plusDays(1)) {
                boolean sameDayPossible =
                        !day.equals(receivedDay) || received.toLocalTime().isBefore(LocalTime.of(15, 30));
                if (isWorkingDay(day) && sameDayPossible) {
                    candidates.add(day);
                }
            }
            if (!candidates.isEmpty()) {
                LocalDate day = candidates.get((int) (candidates.size() * Math.sqrt(r.nextDouble())));
                LocalTime from =
                        day.equals(receivedDay) ? received.toLocalTime().plusMinutes(30) : OFFICE_OPENS;
                return at(day, timeBetween(r, from.isBefore(OFFICE_OPENS) ? OFFICE_OPENS : from, OFFICE_CLOSES));
            }
        }
        // On time: on the due day, no later than the due time.
        LocalTime from = dueDay.equals(receivedDay) ? received.toLocalTime().plusMinutes(15) : OFFICE_OPENS;
        if (from.isBefore(OFFICE_OPENS)) {
            from = OFFICE_OPENS;
        }
        Instant returned = at(dueDay, timeBetween(r, from, DUE_TIME));
        return returned.isAfter(due) ? due : returned;
    }

    private String receivingOfficer(SplittableRandom r, Draft d) {
        if (d.procedure.communeLevel()) {
            return pick(r, Objects.requireNonNull(officersByUnit.get(d.receiving)));
        }
        return switch (d.channel) {
            case ONLINE -> pick(r, Objects.requireNonNull(officersByUnit.get(d.competent)));
            case POSTAL -> pick(r, Objects.requireNonNull(officersByCounter.get(DemoCatalogue.POSTAL_COUNTER)));
            case IN_PERSON ->
                pick(r, Objects.requireNonNull(officersByCounter.get(counterOfDepartment.get(d.competent))));
        };
    }

    private String returningOfficer(SplittableRandom r, Draft d, String processingOfficer) {
        if (d.procedure.communeLevel()) {
            return pick(r, Objects.requireNonNull(officersByUnit.get(d.receiving)));
        }
        return switch (d.channel) {
            case ONLINE -> processingOfficer;
            case POSTAL -> pick(r, Objects.requireNonNull(officersByCounter.get(DemoCatalogue.POSTAL_COUNTER)));
            case IN_PERSON ->
                pick(r, Objects.requireNonNull(officersByCounter.get(counterOfDepartment.get(d.competent))));
        };
    }

    // ---------------------------------------------------------------- ratings and complaints

    private @Nullable PlannedRating rating(
            SplittableRandom r, Draft d, UnitProfile profile, @Nullable Timeliness timeliness) {
        double channelFactor = switch (d.channel) {
            case IN_PERSON -> 1.1;
            case ONLINE -> 0.85;
            case POSTAL -> 0.7;
        };
        if (r.nextDouble() >= Math.min(0.95, profile.ratedShare() * channelFactor)) {
            return null;
        }
        double c = r.nextDouble();
        RatingChannel channel = switch (d.channel) {
            case IN_PERSON -> c < 0.62 ? RatingChannel.KIOSK : c < 0.9 ? RatingChannel.QR : RatingChannel.PAPER;
            case ONLINE -> c < 0.6 ? RatingChannel.QR : RatingChannel.PORTAL;
            case POSTAL -> c < 0.7 ? RatingChannel.QR : RatingChannel.PAPER;
        };
        double q = r.nextDouble();
        Duration delay = switch (channel) {
            // At the counter, right after the result is handed over.
            case KIOSK -> Duration.ofSeconds(30 + r.nextInt(15 * 60));
            // On the phone, mostly the same day.
            case QR, PHONE ->
                q < 0.6
                        ? Duration.ofMinutes(5 + r.nextInt(115))
                        : q < 0.9
                                ? Duration.ofMinutes(120 + r.nextInt(60 * 22))
                                : Duration.ofMinutes(60 * 24 + r.nextInt(60 * 48));
            case PORTAL ->
                q < 0.5
                        ? Duration.ofMinutes(10 + r.nextInt(230))
                        : Duration.ofMinutes(240 + r.nextInt(60 * 24 * 5 - 240));
            // Paper forms are keyed in later the same day or within a few days.
            case PAPER -> Duration.ofMinutes(60 + r.nextInt(60 * 24 * 3));
        };
        Instant submittedAt = Objects.requireNonNull(d.returnedAt).plus(delay); // rated only once returned
        if (!submittedAt.isBefore(cutoff)) {
            return null;
        }

        double dissatisfied = profile.dissatisfiedRate();
        if (timeliness == Timeliness.LATE) {
            dissatisfied = 0.4;
        } else if (d.supplements >= 2) {
            dissatisfied = Math.min(0.5, dissatisfied + 0.15);
        } else if (d.supplements == 1) {
            dissatisfied += 0.03;
        }
        double very = profile.veryShare() + (timeliness == Timeliness.EARLY ? 0.05 : 0);
        double o = r.nextDouble();
        String overall = o < dissatisfied
                ? DISSATISFIED
                : o < dissatisfied + (1 - dissatisfied) * very ? VERY_SATISFIED : SATISFIED;

        List<String> reasons = new ArrayList<>();
        String comment = null;
        if (overall.equals(DISSATISFIED)) {
            if (timeliness == Timeliness.LATE) {
                reasons.add("SLOW");
            } else {
                reasons.add(reason(r, d.supplements));
            }
            if (r.nextDouble() < 0.28) {
                String second = reason(r, d.supplements);
                if (!reasons.contains(second)) {
                    reasons.add(second);
                }
            }
            if (reasons.contains("OTHER")) {
                comment = pick(r, Objects.requireNonNull(DemoCatalogue.DISSATISFIED_COMMENTS.get("OTHER")));
            } else if (r.nextDouble() < 0.6) {
                comment = pick(r, Objects.requireNonNull(DemoCatalogue.DISSATISFIED_COMMENTS.get(reasons.getFirst())));
            }
        } else if (r.nextDouble() < 0.04) {
            List<String> praise = new ArrayList<>(
                    List.of(DemoCatalogue.PRAISE.get(0), DemoCatalogue.PRAISE.get(2), DemoCatalogue.PRAISE.get(5)));
            if (timeliness == Timeliness.EARLY) {
                praise.add(DemoCatalogue.PRAISE.get(1));
            }
            if (d.channel == DossierChannel.ONLINE) {
                praise.add(DemoCatalogue.PRAISE.get(3));
            }
            if (d.channel == DossierChannel.POSTAL) {
                praise.add(DemoCatalogue.PRAISE.get(4));
            }
            comment = pick(r, praise);
        }

        double answerRate = switch (channel) {
            case KIOSK -> 0.6;
            case QR, PHONE -> 0.45;
            case PORTAL -> 0.55;
            case PAPER -> 0.85;
        };
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(OVERALL, overall);
        if (r.nextDouble() < answerRate) {
            answers.put("convenience", followOverall(r, overall));
        }
        if (r.nextDouble() < answerRate) {
            answers.put("attitude", reasons.contains("ATTITUDE") ? DISSATISFIED : followOverall(r, overall));
        }
        if (r.nextDouble() < answerRate) {
            double x = r.nextDouble();
            answers.put(
                    "contacts",
                    switch (Math.min(d.supplements, 2)) {
                        case 0 -> x < 0.9 ? "NONE" : x < 0.98 ? "ONCE" : "MORE";
                        case 1 -> x < 0.1 ? "NONE" : x < 0.85 ? "ONCE" : "MORE";
                        default -> x < 0.2 ? "ONCE" : "MORE";
                    });
        }
        if (r.nextDouble() < answerRate) {
            double x = r.nextDouble();
            answers.put(
                    "agencies",
                    overall.equals(DISSATISFIED)
                            ? (x < 0.35 ? "NONE" : x < 0.75 ? "COUNTER_ONLY" : "MORE")
                            : (x < 0.7 ? "NONE" : x < 0.98 ? "COUNTER_ONLY" : "MORE"));
        }
        String device = null;
        if (channel == RatingChannel.KIOSK) {
            device = "KIOSK-" + (d.procedure.communeLevel() ? d.receiving : counterOfDepartment.get(d.competent));
        }
        return new PlannedRating(
                channel, submittedAt, device, Collections.unmodifiableMap(answers), List.copyOf(reasons), comment);
    }

    private static String reason(SplittableRandom r, int supplements) {
        double[] weights = cumulative(new double[] {20, 22, supplements > 0 ? 40 : 15, 22, 4, 10});
        return List.of("SLOW", "ATTITUDE", "EXTRA_DOCUMENTS", "UNCLEAR_GUIDANCE", "EXTRA_FEES", "OTHER")
                .get(pick(r, weights));
    }

    /** An answer to a satisfaction-scaled criterion, mostly in line with the overall answer. */
    private static String followOverall(SplittableRandom r, String overall) {
        double x = r.nextDouble();
        return switch (overall) {
            case DISSATISFIED -> x < 0.55 ? DISSATISFIED : x < 0.95 ? SATISFIED : VERY_SATISFIED;
            case SATISFIED -> x < 0.15 ? VERY_SATISFIED : x < 0.98 ? SATISFIED : DISSATISFIED;
            default -> x < 0.85 ? VERY_SATISFIED : SATISFIED;
        };
    }

    private @Nullable PlannedComplaint complaint(SplittableRandom r, Draft d, @Nullable Timeliness timeliness) {
        boolean unhappy = d.rating != null && !d.rating.satisfied();
        double chance = unhappy ? 0.08 : timeliness == Timeliness.LATE ? 0.06 : 0.001;
        if (r.nextDouble() >= chance) {
            return null;
        }
        LocalDate day =
                Objects.requireNonNull(d.returnedAt).atZone(zone).toLocalDate().plusDays(1 + r.nextInt(10));
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
        }
        Instant receivedAt = at(day, timeBetween(r, OFFICE_OPENS, OFFICE_CLOSES));
        if (!receivedAt.isBefore(cutoff)) {
            return null;
        }
        // Feedback is answered within 10 working days.
        Instant deadline = at(plusWorkingDays(day, 10), DUE_TIME);
        double h = r.nextDouble();
        Instant handledAt;
        if (h < 0.88) {
            long window = Duration.between(receivedAt, deadline).toSeconds();
            handledAt = receivedAt.plusSeconds(3600 + (long) (r.nextDouble() * (window - 3600)));
        } else if (h < 0.97) {
            handledAt = at(
                    plusWorkingDays(deadline.atZone(zone).toLocalDate(), 1 + r.nextInt(7)),
                    timeBetween(r, OFFICE_OPENS, OFFICE_CLOSES));
        } else {
            handledAt = null;
        }
        if (handledAt != null && !handledAt.isBefore(cutoff)) {
            handledAt = null;
        }
        Boolean satisfied = null;
        if (handledAt != null) {
            boolean onTime = !handledAt.isAfter(deadline);
            double x = r.nextDouble();
            satisfied = onTime
                    ? (x < 0.85 ? Boolean.TRUE : x < 0.95 ? Boolean.FALSE : null)
                    : (x < 0.5 ? Boolean.TRUE : x < 0.9 ? Boolean.FALSE : null);
        }
        return new PlannedComplaint(null, receivedAt, deadline, handledAt, r.nextDouble() < 0.9, satisfied);
    }

    // ---------------------------------------------------------------- calendar

    /** Monday to Friday, except public holidays (New Year, Tết, 30 April, 1 May, National Day). */
    static boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        int m = day.getMonthValue();
        int d = day.getDayOfMonth();
        if ((m == 1 && d == 1) || (m == 4 && d == 30) || (m == 5 && d == 1) || (m == 9 && (d == 1 || d == 2))) {
            return false;
        }
        for (LocalDate tet : TET) {
            if (!day.isBefore(tet.minusDays(2)) && !day.isAfter(tet.plusDays(4))) {
                return false;
            }
        }
        return true;
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    static LocalDate plusWorkingDays(LocalDate day, int days) {
        LocalDate result = day;
        for (int i = 0; i < days; i++) {
            result = nextWorkingDay(result);
        }
        return result;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private Instant beforeCutoff(Instant instant) {
        return instant.isBefore(cutoff) ? instant : cutoff.minusSeconds(1);
    }

    // ---------------------------------------------------------------- random helpers

    /** A whole-second time in [from, to). */
    private static LocalTime timeBetween(SplittableRandom r, LocalTime from, LocalTime to) {
        int a = from.toSecondOfDay();
        int b = to.toSecondOfDay();
        return b <= a ? from : LocalTime.ofSecondOfDay(a + r.nextInt(b - a));
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static int pick(SplittableRandom r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double[] cumulative(double[] weights) {
        double[] result = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            result[i] = sum;
        }
        return result;
    }
}
