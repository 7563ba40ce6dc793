package vn.hailong.intake;

/** How the dossier was submitted (national sync codes 1, 2, 3). */
public enum DossierChannel {
    IN_PERSON,
    ONLINE,
    POSTAL
}
