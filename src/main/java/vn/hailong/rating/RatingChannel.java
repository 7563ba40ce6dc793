package vn.hailong.rating;

/** Where a rating came from. */
public enum RatingChannel {
    /** The tablet beside the officer. */
    KIOSK,
    /** The citizen's own phone, through the QR code on the receipt. */
    QR,
    /** The national or provincial public service portal. */
    PORTAL,
    /** A paper form, keyed in later. */
    PAPER,
    /** A telephone survey. */
    PHONE
}
