package vn.hailong.followup;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.intake.DossierId;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingId;

/**
 * Escalates overdue cases (past their deadline, still open or contacted) once each: marks the case
 * escalated with a conditional UPDATE (one node's matches), and in that same short transaction
 * queues the e-mail to the province managers and publishes {@link FollowUpOverdue} (webhooks
 * listen), so the escalation, its mail and its event exist once per case.
 */
@Component
public class FollowUpEscalations {

    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FollowUpEscalations(
            JdbcTemplate jdbc,
            MailOutbox outbox,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Escalates every overdue case not escalated yet, now, as the scheduler does every
     * {@code hailong.followup.escalation-check}: for tests and operators.
     *
     * @return how many cases were escalated now
     */
    // hailong.followup.escalation-check's default is written here only (no record holds it,
    // application.yaml does not repeat it).
    @Scheduled(
            fixedDelayString = "${hailong.followup.escalation-check:PT5M}",
            initialDelayString = "${hailong.followup.escalation-check:PT5M}")
    public int escalateOverdueNow() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        record Overdue(UUID caseId, UUID ratingId, UUID dossierId, UUID unitId, LocalDate dueOn) {}
        List<Overdue> overdue = jdbc.query(
                """
                SELECT id, rating_id, dossier_id, responsible_unit_id, due_on FROM follow_up_case
                WHERE status IN ('OPEN', 'CONTACTED') AND due_on < ? AND escalated_at IS NULL""",
                (rs, i) -> new Overdue(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class)),
                Date.valueOf(LocalDate.now(clock)));
        int escalated = 0;
        for (Overdue o : overdue) {
            Boolean escalatedNow = transaction.execute(tx -> {
                boolean marked = jdbc.update(
                                "UPDATE follow_up_case SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL",
                                now,
                                o.caseId().toString())
                        == 1;
                if (marked) {
                    outbox.queueToCompose(o.caseId(), MailOutbox.Kind.ESCALATION);
                    events.publishEvent(new FollowUpOverdue(
                            o.caseId(),
                            RatingId.of(o.ratingId()),
                            DossierId.of(o.dossierId()),
                            UnitId.of(o.unitId()),
                            o.dueOn()));
                }
                return marked;
            });
            escalated += Boolean.TRUE.equals(escalatedNow) ? 1 : 0;
        }
        return escalated;
    }
}
