package vn.hailong.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinService;

/**
 * How the application writes times and days for people: in the province's zone, the zone of the
 * injected {@link Clock} ({@code hailong.zone}), Vietnamese style (24 h, day first). The one place
 * that knows the zone of what people read; storage stays in UTC.
 */
@Component
public final class Formats {

    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter timeWithSeconds;
    private final DateTimeFormatter hourThenDay;
    private final DateTimeFormatter hour;
    private final DateTimeFormatter day;
    private final DateTimeFormatter hourThenFullDay;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter sortableTime;

    public Formats(Clock clock) {
        this.zone = clock.getZone();
        this.time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone);
        this.timeWithSeconds =
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(zone);
        this.hourThenDay = DateTimeFormatter.ofPattern("HH:mm dd/MM").withZone(zone);
        this.hour = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        this.hourThenFullDay = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(zone);
        this.shortDay = DateTimeFormatter.ofPattern("dd/MM");
        this.sortableTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /**
     * The application's formats, for the static helpers of views: the bean of the page's Spring
     * context; outside a page (a unit test of a helper), one on the default zone.
     */
    public static Formats ofCurrentPage() {
        VaadinService service = VaadinService.getCurrent();
        return service == null
                ? new Formats(Clock.system(TimeConfiguration.DEFAULT_ZONE))
                : service.getInstantiator().getOrCreate(Formats.class);
    }

    /** The province's zone, in which days, months and years are cut. */
    public ZoneId zone() {
        return zone;
    }

    /** 23/11/2026 09:05; "" for none. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : time.format(at);
    }

    /** 23/11/2026 09:05:07 (logs and deliveries); "" for none. */
    public String timeWithSeconds(@Nullable Instant at) {
        return at == null ? "" : timeWithSeconds.format(at);
    }

    /** 09:05 23/11 (a lock that ends today or soon); "" for none. */
    public String hourThenDay(@Nullable Instant at) {
        return at == null ? "" : hourThenDay.format(at);
    }

    /** 09:05 (a moment of today); "" for none. */
    public String hour(@Nullable Instant at) {
        return at == null ? "" : hour.format(at);
    }

    /** 23/11/2026; "" for none. */
    public String day(@Nullable LocalDate on) {
        return on == null ? "" : day.format(on);
    }

    /** The day of a moment, in the province's zone: 23/11/2026; "" for none. */
    public String day(@Nullable Instant at) {
        return at == null ? "" : day.format(at.atZone(zone));
    }

    /** 09:05 23/11/2026 (when a form was keyed, since when a kiosk is silent); "" for none. */
    public String hourThenFullDay(@Nullable Instant at) {
        return at == null ? "" : hourThenFullDay.format(at);
    }

    /** 23/11 (a day of this year, the ends of a short period); "" for none. */
    public String shortDay(@Nullable LocalDate on) {
        return on == null ? "" : shortDay.format(on);
    }

    /**
     * 2026-11-23 09:05, in the province's zone: a time that sorts as text (the exported tables'
     * first column, which a spreadsheet reads as a date); "" for none.
     */
    public String sortableTime(@Nullable Instant at) {
        return at == null ? "" : sortableTime.format(at);
    }
}
