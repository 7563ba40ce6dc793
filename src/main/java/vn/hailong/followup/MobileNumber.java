package vn.hailong.followup;

import java.util.Optional;
import java.util.Set;

/**
 * A Vietnamese mobile number in its national form, ten digits such as {@code 0912345678}. Accepts
 * what people type: spaces, dots, dashes, brackets and the country code ({@code +84 912 345 678},
 * {@code 84912345678}). Only the mobile prefixes in use since the 2018 renumbering are valid.
 */
public record MobileNumber(String national) {

    /** The second and third digit of mobile numbers (03x Viettel, 05x, 07x MobiFone, 08x, 09x). */
    private static final Set<String> PREFIXES = Set.of(
            "32", "33", "34", "35", "36", "37", "38", "39", "52", "55", "56", "58", "59", "70", "76", "77", "78", "79",
            "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "96", "97", "98", "99");

    public MobileNumber {
        if (national == null || !national.matches("0[0-9]{9}") || !PREFIXES.contains(national.substring(1, 3))) {
            throw new IllegalArgumentException("not a Vietnamese mobile number: " + national);
        }
    }

    /** The number typed, if it is a Vietnamese mobile number. */
    public static Optional<MobileNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.strip().replaceAll("[\\s.\\-()]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        if (!digits.matches("0[0-9]{9}") || !PREFIXES.contains(digits.substring(1, 3))) {
            return Optional.empty();
        }
        return Optional.of(new MobileNumber(digits));
    }

    @Override
    public String toString() {
        // Never the whole number in logs or exception messages.
        return "MobileNumber[" + national.substring(0, 3) + "****" + national.substring(7) + "]";
    }
}
