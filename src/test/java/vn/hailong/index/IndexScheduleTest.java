package vn.hailong.index;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestMail;
import vn.hailong.e2e.AppNode;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.embedded.EmbeddedMariaDb;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule on the application's own clock, set by the test: on the first working day of
 * December it computes November's draft once, however often and on however many nodes it is
 * triggered at once, on this node and on a second one; the province managers get one e-mail (a real SMTP server); a draft left
 * unpublished more than five working days brings one reminder.
 */
@HaiLongTest
@Import(IndexScheduleTest.SettableClock.class)
@ExtendWith(KeepsSecurityStrategy.class)
class IndexScheduleTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The application's clock for this context: the test moves it. */
    @TestConfiguration
    static class SettableClock {

        static volatile Instant now =
                ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, VIETNAM).toInstant();

        @Bean
        @Primary
        Clock settableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return VIETNAM;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(now, zone);
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IndexSchedule schedule;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerContacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMariaDb db;

    static void at(int month, int day, int hour) {
        SettableClock.now =
                ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, VIETNAM).toInstant();
    }

    /** Looks at the same moment: each its own thread (and connection), released together. */
    static List<IndexSchedule.Run> atOnce(List<IndexSchedule> looking) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(looking.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<IndexSchedule.Run>> runs = new ArrayList<>();
            for (IndexSchedule node : looking) {
                Callable<IndexSchedule.Run> look = () -> {
                    start.await();
                    return node.runDue();
                };
                runs.add(pool.submit(look));
            }
            start.countDown();
            List<IndexSchedule.Run> results = new ArrayList<>();
            for (Future<IndexSchedule.Run> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    List<MimeMessage> mailsTo(String address, String subjectPart) {
        return TestMail.to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(subjectPart);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void novembers_draft_is_computed_once_on_the_first_working_day_and_the_province_is_told_and_reminded_once()
            throws Exception {
        at(11, 30, 16);
        IndexFixture data = new IndexFixture(port, accounts);
        String unit = data.unit("Sở lịch");
        data.rating(data.dossier(unit, LocalDate.of(2026, 11, 20), 3), "SATISFIED", null, null);
        String manager = data.account(Role.PROVINCE_MANAGER, null);
        String address = manager + "@tinh.example.vn";
        contacts.setEmailAtStartup(manager, address);

        // Monday 30 November: October's draft is still due (a node down on 2 November catches up); November's is not
        assertThat(schedule.runDue().computed()).containsExactly("default 2026-10");
        String october = jdbc.queryForObject(
                "SELECT id FROM index_snapshot WHERE scheme = 'default' AND period = '2026-10'", String.class);
        // Tuesday 1 December, 05:00: before run-at (06:00)
        at(12, 1, 5);
        assertThat(schedule.runDue().computed()).isEmpty();

        // A second node of the application on the same database and the same clock (its own context, pool and timer
        // bean)
        try (AppNode second = new AppNode(
                        db.jdbcUrl(),
                        "--spring.main.sources=" + SettableClock.class.getName(),
                        "--hailong.index.schedule.enabled=false")
                .start()) {
            IndexSchedule other = second.bean(IndexSchedule.class);
            MailOutbox otherOutbox = second.bean(MailOutbox.class);
            assertThat(second.bean(Clock.class).instant())
                    .as("the second node reads the test's clock")
                    .isEqualTo(SettableClock.now);
            at(12, 1, 7);
            List<IndexSchedule.Run> looks = atOnce(List.of(schedule, other, schedule, other));
            looks.add(schedule.runDue());
            looks.add(other.runDue());
            assertThat(looks)
                    .flatExtracting(IndexSchedule.Run::computed)
                    .as("computed by exactly one look")
                    .containsExactly("default 2026-11");
            List<Map<String, Object>> drafts = jdbc.queryForList(
                    "SELECT id, computed_by FROM index_snapshot WHERE scheme = 'default' AND period = '2026-11'");
            assertThat(drafts)
                    .singleElement()
                    .satisfies(d -> assertThat(d.get("computed_by")).isEqualTo("system"));
            assertThat(jdbc.queryForList(
                            "SELECT actor FROM audit_entry WHERE action = 'INDEX_COMPUTED' AND subject = 'index default 2026-11'",
                            String.class))
                    .containsExactly("system");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM index_schedule_run WHERE kind = 'DRAFT' AND period = '2026-11'",
                            Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM index_snapshot_gone", Integer.class))
                    .as("no draft replaced")
                    .isZero();

            twice(outbox::sendDue, otherOutbox::sendDue);
            outbox.sendDue();
            assertThat(mailsTo(address, "tháng 11/2026")).singleElement().satisfies(m -> {
                assertThat(TestMail.body(m))
                        .contains(
                                "chưa được công bố",
                                "/index",
                                drafts.getFirst().get("id").toString());
            });

            // Tuesday 8 December: November's draft has waited five working days, not more; October's (30/11) more
            at(12, 8, 9);
            assertThat(schedule.runDue().reminded())
                    .extracting(Object::toString)
                    .containsExactly(october);
            // Wednesday 9 December: November's reminder, once
            at(12, 9, 9);
            List<IndexSchedule.Run> reminders = atOnce(List.of(schedule, other));
            reminders.add(other.runDue());
            assertThat(reminders)
                    .flatExtracting(IndexSchedule.Run::reminded)
                    .extracting(Object::toString)
                    .containsExactly(drafts.getFirst().get("id").toString());
            assertThat(reminders)
                    .flatExtracting(IndexSchedule.Run::computed)
                    .as("November is not computed again")
                    .isEmpty();
            at(12, 10, 9);
            assertThat(schedule.runDue().reminded()).isEmpty();
            twice(outbox::sendDue, otherOutbox::sendDue);
            otherOutbox.sendDue();
            assertThat(mailsTo(address, "Nhắc việc: bản nháp chỉ số kỳ 2026-11"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).contains("chờ công bố từ 01/12/2026"));
            assertThat(mailsTo(address, "Nhắc việc: bản nháp chỉ số kỳ 2026-10"))
                    .hasSize(1);
            assertThat(mailsTo(address, "tháng 11/2026")).hasSize(1);
        }
    }

    @Test
    void a_month_a_manager_has_already_drafted_is_left_as_it_is() {
        at(12, 31, 10);
        IndexFixture data = new IndexFixture(port, accounts);
        data.dossier(data.unit("Sở tay"), LocalDate.of(2026, 12, 15), 3);
        data.signIn(data.account(Role.PROVINCE_MANAGER, null));
        String id;
        try {
            id = computations.compute("default", "2026-12").id().toString();
        } finally {
            SecurityContextHolder.clearContext();
        }
        // Monday 4 January 2027: due since Friday the 1st (no holidays are configured by default), still due
        SettableClock.now = ZonedDateTime.of(2027, 1, 4, 8, 0, 0, 0, VIETNAM).toInstant();
        IndexSchedule.Run run = schedule.runDue();
        assertThat(run.computed()).isEmpty();
        assertThat(run.skipped()).containsExactly("default 2026-12");
        assertThat(jdbc.queryForList(
                        "SELECT id FROM index_snapshot WHERE scheme = 'default' AND period = '2026-12'", String.class))
                .containsExactly(id);
        assertThat(schedule.runDue().skipped()).as("decided once").isEmpty();
    }

    @Autowired
    IndexComputationService computations;

    static void twice(Callable<Integer> one, Callable<Integer> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(one);
            Future<Integer> b = pool.submit(other);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
    }
}
