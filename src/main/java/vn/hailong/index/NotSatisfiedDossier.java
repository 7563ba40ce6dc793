package vn.hailong.index;

/** Decision 766: when a dossier counts as <em>not satisfied</em>. */
public final class NotSatisfiedDossier {

    private NotSatisfiedDossier() {}

    /** Any one of the three flags suffices: a "Không hài lòng" rating, a complaint about its handling, or a late return. */
    public static boolean isNotSatisfied(
            boolean anyRatingDissatisfied, boolean hasComplaintAboutHandling, boolean returnedLate) {
        return anyRatingDissatisfied || hasComplaintAboutHandling || returnedLate;
    }
}
