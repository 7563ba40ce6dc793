package vn.hailong.moderation;

/** Why a rating is disputed. OTHER needs a note saying what. */
public enum DisputeReason {
    ABUSIVE_TEXT("Lời lẽ xúc phạm (abusive text)"),
    WRONG_DOSSIER("Nhầm hồ sơ (wrong dossier)"),
    TEST_OR_DUPLICATE("Đánh giá thử / trùng lặp (test or duplicate)"),
    OTHER("Lý do khác (other)");

    private final String label;

    DisputeReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
