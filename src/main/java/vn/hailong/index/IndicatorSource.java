package vn.hailong.index;

/** Where a Circular 01/2018 indicator's value comes from, as a methodology says. */
public enum IndicatorSource {
    /** Per dossier from its timeliness: returned early 2, on time 1, late 0; averaged over returned dossiers. */
    DOSSIER_TIMELINESS,
    /** Per dossier from the citizen's answer to a questionnaire criterion (its points), averaged over answers. */
    CITIZEN_ANSWER,
    /** Entered per unit and period by a manager (indicators 5, 6, 8, 9). */
    UNIT_ENTRY,
    /** Computed per unit from complaints (PAKN): none or all on time 2, at least a partial share on time 1, else 0. */
    COMPLAINTS_ON_TIME
}
