package vn.hailong.kiosk;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Words;
import vn.hailong.security.ManagerContacts;

/**
 * The e-mail of a new offline alert, to the managers of the unit that owns the kiosk's service
 * centre (its unit managers and those of the units above it, as for follow-up cases). It goes
 * through the follow-up module's outbox, queued in the alert's own transaction: the alert exists
 * once across nodes, so does its e-mail, and the outbox's claim makes one node send it.
 */
@Component
class OfflineAlertMail {

    private final MailOutbox outbox;
    private final DirectoryService directory;
    private final ManagerContacts contacts;
    private final Formats formats;

    OfflineAlertMail(MailOutbox outbox, DirectoryService directory, ManagerContacts contacts, Formats formats) {
        this.outbox = outbox;
        this.directory = directory;
        this.contacts = contacts;
        this.formats = formats;
    }

    /** Queues the e-mail of an alert just opened, in the caller's transaction. */
    void queue(OfflineAlert alert, KioskDevice device) {
        Optional<CounterSummary> counter = directory.findCounter(device.getCounterId());
        Optional<AgencySummary> owner = counter.flatMap(c -> directory.ownerOfCentre(c.centreId()));
        List<String> to = owner.map(u -> contacts.unitManagersOf(u.id())).orElse(List.of()).stream()
                .map(ManagerContacts.Contact::email)
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
        String since = formats.hourThenFullDay(alert.getOfflineSince());
        String centre = counter.map(CounterSummary::centreName).orElse("?");
        String where = counter.map(c -> c.name() + " (" + c.code() + "), " + c.centreName())
                .orElse("?");
        // Vietnamese with an English summary: kiosk.mail.offline.* (no English bundle entry needed).
        String subject = Words.of("kiosk.mail.offline.subject", Words.VI, device.getCode(), since, centre);
        String text = Words.of(
                "kiosk.mail.offline.text",
                Words.VI,
                owner.map(AgencySummary::name).orElseGet(() -> Words.of("kiosk.mail.offline.unit", Words.VI)),
                device.getCode(),
                where,
                since,
                outbox.link("/kiosks"));
        outbox.queue(alert.getId(), MailOutbox.Kind.KIOSK_OFFLINE, to, subject, text);
    }
}
