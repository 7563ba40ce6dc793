package vn.hailong.index;

/** Everything about one unit in one snapshot. */
public record Explanation(Snapshot snapshot, Methodology methodology, UnitInputs inputs, UnitResult result) {}
