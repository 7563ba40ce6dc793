package vn.hailong.index;

/**
 * A unit's counts for a period that the Decision 766 satisfaction group is computed from.
 *
 * @param dossiers                     dossiers in the period
 * @param notSatisfiedDossiers         of those, the ones {@linkplain NotSatisfiedDossier not satisfied}
 * @param complaints                   complaints (PAKN) due in the period
 * @param complaintsOnTime             of those, handled on or before their deadline
 * @param complaintsNotSatisfiedOrLate of those, answered "not satisfied" or handled late
 */
public record Decision766Counts(
        long dossiers,
        long notSatisfiedDossiers,
        long complaints,
        long complaintsOnTime,
        long complaintsNotSatisfiedOrLate) {

    public Decision766Counts {
        if (dossiers < 0
                || notSatisfiedDossiers < 0
                || complaints < 0
                || complaintsOnTime < 0
                || complaintsNotSatisfiedOrLate < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + this);
        }
        if (notSatisfiedDossiers > dossiers) {
            throw new IllegalArgumentException("more not-satisfied dossiers than dossiers: " + this);
        }
        if (complaintsOnTime > complaints || complaintsNotSatisfiedOrLate > complaints) {
            throw new IllegalArgumentException("a part of the complaints exceeds the complaints: " + this);
        }
    }
}
