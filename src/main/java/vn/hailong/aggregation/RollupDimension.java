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

    /** Dimensions that returned dossiers are rolled up by (a dossier has no channel, device or rating hour). */
    public boolean forDossiers() {
        return this == ALL || this == PROCEDURE || this == OFFICER;
    }
}
