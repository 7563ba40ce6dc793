package vn.hailong;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import vn.hailong.intake.DossierSubmission;

/** Helpers that give each test its own agency and dossier codes in the shared test database. */
public final class TestData {

    private TestData() {}

    /** A random group of capital letters and digits, usable inside agency codes. */
    public static String uniqueSuffix() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** An agency code of the form 000.00.NN.Xxxxxxx that no other test uses. */
    public static String agencyCode() {
        return "000.00." + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "." + uniqueSuffix();
    }

    /** A dossier code of an agency: {@code code-yyMMdd-NNNN}. */
    public static String dossierCode(String agencyCode, int sequence) {
        return agencyCode + "-261102-" + String.format("%04d", sequence);
    }

    /** The province's zone, in which the one-stop software writes its times. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * What the one-stop software sends for a dossier of the unit returned at {@code returnedAt},
     * received five days before and due three days after (on time), handled by these officers: for
     * tests that need a returned dossier and nothing special about it.
     */
    public static DossierSubmission returnedDossier(
            String unit, Instant returnedAt, List<DossierSubmission.OfficerPart> officers) {
        return new DossierSubmission(
                "1.004227",
                "Cấp giấy phép môi trường",
                null,
                unit,
                unit,
                null,
                "IN_PERSON",
                "CITIZEN",
                "RETURNED",
                inVietnam(returnedAt.minus(5, ChronoUnit.DAYS)),
                inVietnam(returnedAt.plus(3, ChronoUnit.DAYS)),
                inVietnam(returnedAt),
                officers,
                0);
    }

    /** Yesterday at this hour, in the province. */
    public static Instant yesterdayAt(int hour) {
        return LocalDate.now(VIETNAM)
                .minusDays(1)
                .atTime(hour, 0)
                .atZone(VIETNAM)
                .toInstant();
    }

    private static String inVietnam(Instant instant) {
        return instant.atZone(VIETNAM).toOffsetDateTime().toString();
    }
}
