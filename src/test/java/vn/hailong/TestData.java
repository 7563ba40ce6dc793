package vn.hailong;

import java.util.concurrent.ThreadLocalRandom;

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
}
