package vn.hailong.dashboard;

/** An officer whose coverage is below half of the selection's (with enough returned dossiers to tell). */
public record Outlier(
        String key, String label, long returned, long ratings, Double coverage, Double expectedCoverage) {}
