package vn.hailong.index;

/** The classification of a Circular 01/2018 unit score, best first. */
public enum Circular01Band {
    EXCELLENT("Xuất sắc"),
    GOOD("Tốt"),
    FAIR("Khá"),
    AVERAGE("Trung bình"),
    WEAK("Yếu");

    private final String label;

    Circular01Band(String label) {
        this.label = label;
    }

    /** The Vietnamese name used in reports. */
    public String label() {
        return label;
    }
}
