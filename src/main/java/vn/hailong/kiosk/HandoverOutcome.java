package vn.hailong.kiosk;

/** How a handover was used up. */
public enum HandoverOutcome {
    /** The citizen sent the survey. */
    SENT,
    /** The citizen began and left (idle timeout, or the page was reloaded mid-survey). */
    ABANDONED,
    /** The citizen said on the faces screen that the dossier was not theirs ("Không phải hồ sơ của tôi"). */
    NOT_MINE,
    /** The next handover came before anyone answered. */
    REPLACED,
    /** Nobody used it within {@code hailong.kiosk.handover-valid-for}. */
    EXPIRED
}
