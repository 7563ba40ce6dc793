package vn.hailong.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/** Whether a request is for one of the machines' paths (given as prefixes ending in '/'). */
final class MachinePaths {

    private MachinePaths() {}

    static boolean covers(List<String> prefixes, HttpServletRequest request, @Nullable String uri) {
        if (uri == null) {
            return false;
        }
        return covers(prefixes, uri.substring(Math.min(request.getContextPath().length(), uri.length())));
    }

    /** {@code /api/x} and {@code /api} itself, but not {@code /apiary}. */
    static boolean covers(List<String> prefixes, String path) {
        return prefixes.stream()
                .anyMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1)));
    }
}
