package vn.hailong.dashboard;

/** How the dashboard breaks the figures down, with each breakdown's column header. */
public enum Breakdown {
    UNIT("Đơn vị"),
    PROCEDURE("Thủ tục"),
    COUNTER("Quầy"),
    OFFICER("Cán bộ"),
    CHANNEL("Kênh đánh giá");

    private final String label;

    Breakdown(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
