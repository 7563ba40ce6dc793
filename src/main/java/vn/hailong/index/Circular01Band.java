package vn.hailong.index;

import vn.hailong.platform.Words;

/** The classification of a Circular 01/2018 unit score, best first. */
public enum Circular01Band {
    EXCELLENT,
    GOOD,
    FAIR,
    AVERAGE,
    WEAK;

    /** The Vietnamese name used in reports: {@code index.circular01Band.*} in the bundles. */
    public String label() {
        return Words.of("index.circular01Band." + name(), Words.VI);
    }
}
