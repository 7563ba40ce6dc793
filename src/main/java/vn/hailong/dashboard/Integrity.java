package vn.hailong.dashboard;

import java.util.List;

/**
 * The integrity signals of a selection. {@code counters}: counters whose coverage (rated ÷ handed
 * over) is below half of all counters' together, among those with enough handed-over dossiers to
 * tell; {@code unboundAtCounters}: ratings given at a counter without any dossier (stored apart by the
 * kiosk, never counted); {@code abandonedStored}: kiosk ratings stored from a survey the citizen
 * left unsent (counted, flagged), {@code abandonedWithoutReason} of them "not satisfied" without
 * a reason; {@code notMine}: handovers the citizen sent back as "not my dossier"; {@code keyedCodes}
 * and {@code scannedCodes}: kiosk ratings of a dossier typed on the keypad or scanned, not handed over.
 */
public record Integrity(
        Figures totals,
        List<BreakdownRow> devices,
        List<Outlier> officers,
        List<Outlier> counters,
        long unboundAtCounters,
        long abandonedStored,
        long abandonedWithoutReason,
        long notMine,
        long keyedCodes,
        long scannedCodes) {}
