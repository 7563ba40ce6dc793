package vn.hailong;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one-stop software as the tests play it: it registers units, pushes dossiers and relays
 * ratings through the real integrator API, each time with codes no other test uses.
 */
public final class OneStopSoftware {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Dossiers are received a month ago, so that every date of a test lies in the past. */
    public static final LocalDate RECEIVED_ON = LocalDate.now(ZONE).minusDays(30);
    /** And are due eighteen days later, at 17:00. */
    public static final LocalDate DUE_ON = RECEIVED_ON.plusDays(18);

    private final ApiClient api;

    public OneStopSoftware(int port) {
        this.api = new ApiClient(port, HaiLongTest.API_KEY);
    }

    public ApiClient api() {
        return api;
    }

    /** A time on a day in the province's zone, as the API expects it: {@code 2026-11-02T08:30:00+07:00}. */
    public static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toOffsetDateTime().toString();
    }

    public static String at(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime().toString();
    }

    public static Instant instant(String isoTime) {
        return OffsetDateTime.parse(isoTime).toInstant();
    }

    /** Registers a new unit of this kind and returns its code. */
    public String registersUnit(String kind) {
        return registersUnit(kind, null);
    }

    /** Registers a new unit of this kind under a parent unit and returns its code. */
    public String registersUnit(String kind, String parent) {
        String code = TestData.agencyCode();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Đơn vị thử " + code, "kind", kind));
        if (parent != null) {
            body.put("parent", parent);
        }
        ApiClient.Response response = api.put("/api/v1/units/" + code, body);
        if (response.status() != 201) {
            throw new IllegalStateException(
                    "could not register unit " + code + ": " + response.status() + " " + response.body());
        }
        return code;
    }

    /**
     * A dossier of this unit received on {@link #RECEIVED_ON} at 08:30 and due on {@link #DUE_ON}
     * at 17:00, as a JSON body the test may change.
     */
    public static Map<String, Object> dossier(String unit, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", "1.004227");
        body.put("procedureName", "Cấp giấy phép môi trường");
        body.put("receivingUnit", unit);
        body.put("competentUnit", unit);
        body.put("channel", "IN_PERSON");
        body.put("applicantKind", "CITIZEN");
        body.put("status", status);
        body.put("receivedAt", at(RECEIVED_ON, "08:30"));
        body.put("dueAt", at(DUE_ON, "17:00"));
        body.put("officers", List.of(Map.of("id", "cb-" + unit, "name", "Nguyễn Văn A", "role", "RECEIVING")));
        return body;
    }

    /** Sends the dossier and fails unless it was stored (201 or 200). */
    public ApiClient.Response sends(String code, Map<String, Object> body) {
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException(
                    "could not store dossier " + code + ": " + response.status() + " " + response.body());
        }
        return response;
    }

    /** Stores a new dossier of this unit in status RECEIVED and returns its code. */
    public String sendsReceivedDossier(String unit) {
        String code = TestData.dossierCode(unit, nextSequence());
        sends(code, dossier(unit, "RECEIVED"));
        return code;
    }

    /** Stores a new dossier of this unit whose result was returned at this instant, and returns its code. */
    public String sendsReturnedDossier(String unit, Instant returnedAt) {
        String code = TestData.dossierCode(unit, nextSequence());
        Map<String, Object> body = dossier(unit, "RETURNED");
        body.put("receivedAt", at(returnedAt.minusSeconds(10 * 24 * 3600)));
        body.put("dueAt", at(returnedAt.plusSeconds(3 * 24 * 3600)));
        body.put("returnedAt", at(returnedAt));
        sends(code, body);
        return code;
    }

    /**
     * Stores a new dossier of this unit received today (its code carries today's date, as most
     * codes typed at a counter do), returned at this instant, and returns its code.
     */
    public String sendsDossierOfTodayReturned(String unit, Instant returnedAt) {
        String code = unit + "-" + LocalDate.now(ZONE).format(DateTimeFormatter.ofPattern("yyMMdd")) + "-"
                + String.format("%04d", nextSequence());
        Map<String, Object> body = dossier(unit, "RETURNED");
        body.put("receivedAt", at(returnedAt.minusSeconds(3600)));
        body.put("dueAt", at(returnedAt.plusSeconds(3 * 24 * 3600)));
        body.put("returnedAt", at(returnedAt));
        sends(code, body);
        return code;
    }

    /** A rating as a portal relays it, with a fresh idempotency key. */
    public static Map<String, Object> rating(String dossierCode, String overall) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", dossierCode);
        body.put("channel", "PORTAL");
        body.put("idempotencyKey", UUID.randomUUID().toString());
        body.put("answers", Map.of("overall", overall));
        return body;
    }

    /** Relays a rating and returns the answer, whatever it is. */
    public ApiClient.Response relays(Map<String, Object> rating) {
        return api.post("/api/v1/ratings", rating);
    }

    private static int sequence = 0;

    private static synchronized int nextSequence() {
        sequence = sequence % 9999 + 1;
        return sequence;
    }
}
