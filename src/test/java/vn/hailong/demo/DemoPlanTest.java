package vn.hailong.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.hailong.demo.DemoPlan.PlannedDossier;
import vn.hailong.demo.DemoPlan.PlannedRating;
import vn.hailong.directory.AgencyCode;
import vn.hailong.intake.ApplicantKind;
import vn.hailong.intake.DossierChannel;
import vn.hailong.intake.DossierCode;
import vn.hailong.intake.DossierStatus;
import vn.hailong.intake.OfficerRole;
import vn.hailong.intake.Timeliness;
import vn.hailong.rating.RatingChannel;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plan without Spring: determinism, consistent dates, codes, and believable proportions. */
class DemoPlanTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final DemoPlan PLAN = DemoPlan.generate(20261122L, 20_000, TODAY, ZONE);
    static final List<PlannedDossier> DOSSIERS = PLAN.dossiers();

    @Test
    void the_same_seed_and_day_give_the_same_plan_and_another_seed_another() {
        DemoPlan again = DemoPlan.generate(20261122L, 20_000, TODAY, ZONE);
        assertThat(again.dossiers()).isEqualTo(DOSSIERS);
        assertThat(again.officers()).isEqualTo(PLAN.officers());
        assertThat(DemoPlan.generate(7L, 20_000, TODAY, ZONE).dossiers()).isNotEqualTo(DOSSIERS);
    }

    @Test
    void the_catalogue_has_a_believable_province() {
        assertThat(DemoCatalogue.DEPARTMENTS).hasSizeBetween(12, 15);
        assertThat(DemoCatalogue.COMMUNES).hasSizeBetween(20, 30);
        assertThat(DemoCatalogue.COUNTERS).hasSizeBetween(6, 10);
        assertThat(PLAN.officers()).hasSizeBetween(40, 60);
        assertThat(DemoCatalogue.PROCEDURES).hasSizeBetween(70, 90);
        List<String> procedureCodes = DemoCatalogue.PROCEDURES.stream()
                .map(DemoCatalogue.ProcedureDef::code)
                .toList();
        assertThat(procedureCodes).doesNotHaveDuplicates().allMatch(c -> c.matches("[12]\\.\\d{6}"));
        assertThat(DemoCatalogue.PROCEDURES).allSatisfy(p -> {
            assertThat(p.department() == null
                            || DemoCatalogue.DEPARTMENTS.stream()
                                    .anyMatch(u -> u.code().equals(p.department())))
                    .as(p.code())
                    .isTrue();
        });
        Set<String> unitCodes = new HashSet<>();
        unitCodes.add(DemoCatalogue.PROVINCE_CODE);
        unitCodes.add(DemoCatalogue.CENTRE_AGENCY_CODE);
        DemoCatalogue.DEPARTMENTS.forEach(u -> unitCodes.add(u.code()));
        DemoCatalogue.COMMUNES.forEach(u -> unitCodes.add(u.code()));
        assertThat(unitCodes)
                .hasSize(2 + DemoCatalogue.DEPARTMENTS.size() + DemoCatalogue.COMMUNES.size())
                .allMatch(c -> AgencyCode.problemWith(c) == null);
        // Every department is received at some counter.
        assertThat(DemoCatalogue.DEPARTMENTS)
                .allMatch(u -> DemoCatalogue.COUNTERS.stream()
                        .anyMatch(c -> c.departments().contains(u.code())));
        assertThat(DemoCatalogue.ACCOUNTS).allMatch(a -> a.password().length() >= 8);
        assertThat(PLAN.officers().stream().map(DemoPlan.Officer::name)).doesNotHaveDuplicates();
    }

    @Test
    void codes_are_receiving_unit_receipt_day_and_a_daily_running_number() {
        DateTimeFormatter yyMMdd = DateTimeFormatter.ofPattern("yyMMdd");
        assertThat(DOSSIERS).hasSize(20_000);
        assertThat(DOSSIERS.stream().map(PlannedDossier::code)).doesNotHaveDuplicates();
        Map<String, Integer> last = new HashMap<>();
        for (PlannedDossier d : DOSSIERS) {
            assertThat(DossierCode.problemWith(d.code())).as(d.code()).isNull();
            String day = d.receivedAt().atZone(ZONE).toLocalDate().format(yyMMdd);
            assertThat(d.code()).startsWith(d.receivingUnit() + "-" + day + "-");
            int sequence = Integer.parseInt(d.code().substring(d.code().lastIndexOf('-') + 1));
            // Dossiers are in receipt order, so each unit's numbers of a day run 1, 2, 3...
            assertThat(sequence).isEqualTo(last.merge(d.receivingUnit() + day, 1, Integer::sum));
        }
    }

    @Test
    void times_are_consistent_and_nothing_happens_today_or_later() {
        Instant cutoff = PLAN.cutoff();
        Instant yearAgo = TODAY.minusDays(365).atStartOfDay(ZONE).toInstant();
        for (PlannedDossier d : DOSSIERS) {
            assertThat(d.receivedAt()).isAfterOrEqualTo(yearAgo).isBefore(cutoff);
            assertThat(d.updatedAt()).isAfterOrEqualTo(d.receivedAt()).isBefore(cutoff);
            if (d.dueAt() != null) {
                assertThat(d.dueAt()).isAfter(d.receivedAt());
            }
            assertThat(d.returnedAt() != null).as(d.code()).isEqualTo(d.status() == DossierStatus.RETURNED);
            assertThat(d.timeliness()).isEqualTo(Timeliness.of(d.dueAt(), d.returnedAt(), ZONE));
            if (d.returnedAt() != null) {
                assertThat(d.returnedAt()).isAfterOrEqualTo(d.receivedAt()).isBefore(cutoff);
                assertThat(d.officers().stream().map(DemoPlan.OfficerPart::role))
                        .contains(OfficerRole.RETURNING);
            } else {
                assertThat(d.rating()).isNull();
                assertThat(d.complaint()).isNull();
            }
            if (d.status() == DossierStatus.NOT_ACCEPTED) {
                assertThat(d.dueAt()).isNull();
            } else {
                assertThat(d.dueAt()).isNotNull();
            }
            assertThat(d.officers().stream().map(DemoPlan.OfficerPart::role))
                    .contains(OfficerRole.RECEIVING)
                    .doesNotHaveDuplicates();
            if (d.rating() != null) {
                assertThat(d.rating().submittedAt()).isAfter(d.returnedAt()).isBefore(cutoff);
                assertThat(d.rating().submittedAt()).isBefore(d.returnedAt().plusSeconds(6 * 24 * 3600));
            }
            if (d.complaint() != null) {
                assertThat(d.complaint().receivedAt()).isAfter(d.returnedAt()).isBefore(cutoff);
                assertThat(d.complaint().deadline()).isAfter(d.complaint().receivedAt());
                if (d.complaint().handledAt() != null) {
                    assertThat(d.complaint().handledAt())
                            .isAfter(d.complaint().receivedAt())
                            .isBefore(cutoff);
                } else {
                    assertThat(d.complaint().complainantSatisfied()).isNull();
                }
            }
        }
    }

    @Test
    void most_dossiers_are_returned_on_time_and_a_few_are_late_refused_withdrawn_or_still_open() {
        List<PlannedDossier> returned = only(d -> d.status() == DossierStatus.RETURNED);
        assertThat(share(returned, d -> d.timeliness() != Timeliness.LATE)).isBetween(0.95, 0.995);
        assertThat(share(returned, d -> d.timeliness() == Timeliness.EARLY)).isBetween(0.4, 0.8);
        assertThat(share(DOSSIERS, d -> d.status() == DossierStatus.NOT_ACCEPTED))
                .isBetween(0.005, 0.03);
        assertThat(share(DOSSIERS, d -> d.status() == DossierStatus.WITHDRAWN)).isBetween(0.002, 0.02);
        List<PlannedDossier> open = only(d -> d.status() != DossierStatus.RETURNED
                && d.status() != DossierStatus.NOT_ACCEPTED
                && d.status() != DossierStatus.WITHDRAWN);
        assertThat(open.size()).isBetween(200, 2000);
        // Open dossiers are mostly recent ones.
        assertThat(share(open, d -> d.receivedAt().isAfter(PLAN.cutoff().minusSeconds(45L * 24 * 3600))))
                .isGreaterThan(0.8);
        assertThat(share(DOSSIERS, d -> d.channel() == DossierChannel.IN_PERSON))
                .isBetween(0.45, 0.7);
        assertThat(share(DOSSIERS, d -> d.channel() == DossierChannel.ONLINE)).isBetween(0.25, 0.5);
        assertThat(share(DOSSIERS, d -> d.channel() == DossierChannel.POSTAL)).isBetween(0.01, 0.08);
        assertThat(share(DOSSIERS, d -> d.applicantKind() == ApplicantKind.CITIZEN))
                .isBetween(0.7, 0.92);
        assertThat(share(DOSSIERS, d -> d.applicantKind() == ApplicantKind.BUSINESS))
                .isBetween(0.05, 0.25);
        // Both departments and communes, and some commune dossiers received by another commune.
        assertThat(DOSSIERS.stream()
                        .map(PlannedDossier::competentUnit)
                        .distinct()
                        .count())
                .isEqualTo(DemoCatalogue.DEPARTMENTS.size() + DemoCatalogue.COMMUNES.size());
        assertThat(only(d -> !d.receivingUnit().equals(d.competentUnit())
                        && !d.receivingUnit().equals(DemoCatalogue.CENTRE_AGENCY_CODE)))
                .isNotEmpty();
    }

    @Test
    void ratings_are_mostly_satisfied_but_differ_by_unit_and_unhappy_ones_say_why() {
        List<PlannedDossier> returned = only(d -> d.status() == DossierStatus.RETURNED);
        List<PlannedRating> ratings = returned.stream()
                .map(PlannedDossier::rating)
                .filter(r -> r != null)
                .toList();
        assertThat((double) ratings.size() / returned.size()).isBetween(0.55, 0.75);
        assertThat(ratings.stream().filter(PlannedRating::satisfied).count() / (double) ratings.size())
                .isBetween(0.95, 0.99);
        long kioskOrQr = ratings.stream()
                .filter(r -> r.channel() == RatingChannel.KIOSK || r.channel() == RatingChannel.QR)
                .count();
        assertThat(kioskOrQr / (double) ratings.size()).isGreaterThan(0.6);
        assertThat(ratings.stream().map(PlannedRating::channel).distinct())
                .contains(RatingChannel.KIOSK, RatingChannel.QR, RatingChannel.PORTAL, RatingChannel.PAPER);
        for (PlannedRating r : ratings) {
            assertThat(r.answers()).containsKey(DemoPlan.OVERALL);
            if (!r.satisfied()) {
                assertThat(r.reasons()).isNotEmpty();
            }
            if (r.reasons().contains("OTHER")) {
                assertThat(r.comment()).isNotBlank();
            }
            assertThat(r.deviceId() != null).isEqualTo(r.channel() == RatingChannel.KIOSK);
        }
        assertThat(ratings.stream()
                        .filter(r -> !r.satisfied() && r.comment() != null)
                        .count())
                .isGreaterThan(ratings.stream().filter(r -> !r.satisfied()).count() / 3);
        assertThat(ratings.stream().filter(r -> r.answers().size() > 1).count()).isGreaterThan(ratings.size() / 3);

        // Satisfaction per unit spreads out, so rankings mean something.
        Map<String, List<PlannedRating>> byUnit = returned.stream()
                .filter(d -> d.rating() != null)
                .collect(Collectors.groupingBy(
                        PlannedDossier::competentUnit,
                        Collectors.mapping(PlannedDossier::rating, Collectors.toList())));
        List<Double> rates = byUnit.values().stream()
                .filter(l -> l.size() >= 100)
                .map(l -> l.stream().filter(PlannedRating::satisfied).count() / (double) l.size())
                .sorted()
                .toList();
        assertThat(rates.size()).isGreaterThan(20);
        assertThat(rates.getLast() - rates.getFirst()).isGreaterThan(0.03);
    }

    @Test
    void a_few_complaints_mostly_answered_on_time() {
        List<PlannedDossier> withComplaint = only(d -> d.complaint() != null);
        assertThat(withComplaint.size()).isBetween(20, 200);
        assertThat(withComplaint.stream().map(d -> d.complaint().externalId())).doesNotHaveDuplicates();
        long handled = withComplaint.stream()
                .filter(d -> d.complaint().handledAt() != null)
                .count();
        long onTime = withComplaint.stream()
                .filter(d -> d.complaint().handledAt() != null
                        && !d.complaint().handledAt().isAfter(d.complaint().deadline()))
                .count();
        assertThat(onTime / (double) handled).isGreaterThan(0.8);
    }

    @Test
    void there_are_recent_unrated_dossiers_to_try_the_survey_with() {
        List<PlannedDossier> candidates = PLAN.unratedRecentlyReturned(3);
        assertThat(candidates).hasSize(3);
        assertThat(candidates).allMatch(d -> d.rating() == null && d.returnedAt() != null);
    }

    @Test
    void working_days_skip_weekends_and_holidays() {
        assertThat(DemoPlan.isWorkingDay(LocalDate.of(2026, 11, 20))).isTrue(); // Friday
        assertThat(DemoPlan.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
        assertThat(DemoPlan.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(DemoPlan.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse(); // Tết
        assertThat(DemoPlan.plusWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(DemoPlan.plusWorkingDays(LocalDate.of(2026, 11, 20), 0)).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    private static List<PlannedDossier> only(Predicate<PlannedDossier> filter) {
        return DOSSIERS.stream().filter(filter).toList();
    }

    private static double share(List<PlannedDossier> of, Predicate<PlannedDossier> filter) {
        return of.stream().filter(filter).count() / (double) of.size();
    }
}
