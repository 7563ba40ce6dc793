package vn.hailong.aggregation;

/** What a rollup row is broken down by, besides its unit and period. */
public enum RollupDimension {
    /** The unit as a whole (value ''). */
    ALL,
    /** The administrative procedure (its id). */
    PROCEDURE,
    /** The officer who returned (else received) the dossier (their external id). */
    OFFICER,
    /** The kiosk device the rating came from (its device id); ratings from elsewhere have none. */
    COUNTER,
    /** The rating channel (KIOSK, QR, PORTAL, PAPER, PHONE). */
    CHANNEL,
    /** ISO weekday (1 = Monday) and hour of day in the province's zone: {@code 3-09}. */
    HOUR;

    /**
     * Whether the dimension has day rows besides month rows. Only the unit as a whole has: day rows
     * of procedures, officers, counters, channels and hours would hold nearly one row per rating and
     * criterion (most of a day's ratings differ in one of them), so at ten million ratings they
     * would outnumber the ratings. The few edge days of a custom period are read from the raw
     * ratings for those dimensions instead (see {@link RollupQueries}).
     */
    public boolean hasDayRows() {
        return this == ALL;
    }

    /** Dimensions that returned dossiers are rolled up by (a dossier has no channel, device or rating hour). */
    public boolean forDossiers() {
        return this == ALL || this == PROCEDURE || this == OFFICER;
    }
}
