package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One unit's inputs for a period, as archived in a snapshot: counts over the dossiers the unit is
 * evaluated on that were returned in the period (with their counted ratings and complaints about
 * handling), its complaints due in the period, and the indicators entered for it. Recomputing from
 * these with the same methodology version gives the same numbers.
 *
 * @param criteria    per questionnaire criterion of the counted ratings: answers, sum of points, satisfied answers
 * @param unitEntries entered indicators (5, 6, 8, 9) by number, two decimals
 */
public record UnitInputs(
        String unitCode,
        String unitName,
        String peerGroup,
        long dossiers,
        long early,
        long onTime,
        long late,
        long ratings,
        long satisfied,
        long dissatisfiedRatings,
        long dossiersWithComplaint,
        long notSatisfiedDossiers,
        long complaints,
        long complaintsOnTime,
        long complaintsNotSatisfiedOrLate,
        Map<String, CriterionCounts> criteria,
        Map<Integer, BigDecimal> unitEntries) {

    /** Answers to one criterion: how many, their points, and how many earned the satisfied minimum. */
    public record CriterionCounts(long answers, long points, long satisfied) {}

    public UnitInputs {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(peerGroup, "peerGroup");
        // Sorted maps: the canonical form (and so the hash) must not depend on query order.
        criteria = new TreeMap<>(criteria);
        unitEntries = new TreeMap<>(unitEntries);
    }
}
