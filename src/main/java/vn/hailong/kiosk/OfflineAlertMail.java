package vn.hailong.kiosk;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.security.ManagerContacts;

/**
 * The e-mail of a new offline alert, to the managers of the unit that owns the kiosk's service
 * centre (its unit managers and those of the units above it, as for follow-up cases). It goes
 * through the follow-up module's outbox, queued in the alert's own transaction: the alert exists
 * once across nodes, so does its e-mail, and the outbox's claim makes one node send it.
 */
@Component
class OfflineAlertMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final MailOutbox outbox;
    private final DirectoryService directory;
    private final ManagerContacts contacts;
    private final Clock clock;

    OfflineAlertMail(MailOutbox outbox, DirectoryService directory, ManagerContacts contacts, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.contacts = contacts;
        this.clock = clock;
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
        String since = WHEN.format(alert.getOfflineSince().atZone(clock.getZone()));
        String centre = counter.map(CounterSummary::centreName).orElse("?");
        String where = counter.map(c -> c.name() + " (" + c.code() + "), " + c.centreName())
                .orElse("?");
        String subject = "[Hài Lòng] Kiosk " + device.getCode() + " mất kết nối từ " + since + " – " + centre;
        String text = "Kính gửi lãnh đạo " + owner.map(AgencySummary::name).orElse("đơn vị") + ",\n\n"
                + "Máy đánh giá (kiosk) " + device.getCode() + " tại " + where + " không gửi tín hiệu về hệ thống từ "
                + since
                + " trong giờ làm việc. Người dân tại quầy có thể không đánh giá được.\n"
                + "Đề nghị kiểm tra nguồn điện, kết nối mạng và màn hình của máy; cảnh báo tự đóng khi máy kết nối lại.\n\n"
                + "Quản trị viên xem danh sách thiết bị: " + outbox.link("/kiosks") + "\n\n"
                + "Thư này được gửi tự động từ hệ thống Hài Lòng.\n\n"
                + "---\n"
                + "Kiosk " + device.getCode() + " at " + where + " has not been heard from since " + since
                + " during opening hours. Please check its power, network and screen; the alert closes when it is back.\n";
        outbox.queue(alert.getId(), MailOutbox.Kind.KIOSK_OFFLINE, to, subject, text);
    }
}
