package vn.hailong.followup;

import java.util.Locale;
import java.util.Set;

import vn.hailong.platform.Words;

/**
 * Where a follow-up case stands. It moves forward only: OPEN → CONTACTED → RESOLVED → CLOSED;
 * a case may skip steps (a citizen who left no number cannot be called), and CLOSED is final.
 */
public enum CaseStatus {
    OPEN,
    CONTACTED,
    RESOLVED,
    CLOSED;

    private static final Set<CaseStatus> NONE = Set.of();

    /** How the screens and e-mails name the status: {@code followup.status.*} in the bundles. */
    public String label() {
        return label(Words.current());
    }

    public String label(Locale locale) {
        return Words.code("followup.status", name(), locale);
    }

    /** The statuses a case in this status may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(CONTACTED, RESOLVED, CLOSED);
            case CONTACTED -> Set.of(RESOLVED, CLOSED);
            case RESOLVED -> Set.of(CLOSED);
            case CLOSED -> NONE;
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }
}
