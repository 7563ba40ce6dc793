package vn.hailong.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Strict checks of a raw query string: every name and value must decode as percent-encoded UTF-8. */
final class QueryStrings {

    /** What is wrong, and with which parameter ({@code query} when even its name cannot be read). */
    record Problem(String field, String detail) {}

    private QueryStrings() {}

    static @Nullable Problem check(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            if (name == null) {
                return new Problem("query", "A parameter name in the query string is not percent-encoded UTF-8.");
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
                return new Problem(name, "Query parameter '" + name + "' is not percent-encoded UTF-8.");
            }
        }
        return null;
    }

    /** The decoded text, or null when the percent-encoding or the UTF-8 inside it is broken. */
    static @Nullable String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7F) {
                return null; // a raw byte beyond ASCII: not a valid URI character
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
