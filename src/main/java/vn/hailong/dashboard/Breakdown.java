package vn.hailong.dashboard;

import vn.hailong.platform.Words;

/** How the dashboard breaks the figures down, with each breakdown's column header. */
public enum Breakdown {
    UNIT,
    PROCEDURE,
    COUNTER,
    OFFICER,
    CHANNEL;

    /** The column header, {@code dashboard.breakdown.<name>} of the bundles (Vietnamese). */
    public String label() {
        return Words.of("dashboard.breakdown." + name(), Words.VI);
    }
}
