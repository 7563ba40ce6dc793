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
     * Whether rows are kept for every criterion of the questionnaire. Only the unit as a whole has
     * them (the dashboard's averages per criterion are the unit's or the scope's); the breakdowns by
     * procedure, officer, counter, channel and hour show ratings and satisfaction, which come from
     * the criterion {@code overall} alone. That keeps those rows to one per value, status and period.
     */
    public boolean keepsEveryCriterion() {
        return this == ALL;
    }

    /** Dimensions that returned dossiers are rolled up by (a dossier has no channel, device or rating hour). */
    public boolean forDossiers() {
        return this == ALL || this == PROCEDURE || this == OFFICER;
    }
}
