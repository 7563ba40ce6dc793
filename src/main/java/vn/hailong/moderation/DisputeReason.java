package vn.hailong.moderation;

import vn.hailong.platform.Words;

/** Why a rating is disputed. OTHER needs a note saying what. */
public enum DisputeReason {
    ABUSIVE_TEXT,
    WRONG_DOSSIER,
    TEST_OR_DUPLICATE,
    OTHER;

    /** Its words, Vietnamese then English: {@code moderation.disputeReason.*} in the bundles. */
    public String label() {
        return Words.of("moderation.disputeReason." + name(), Words.VI);
    }
}
