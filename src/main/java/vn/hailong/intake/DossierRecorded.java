package vn.hailong.intake;

/** Published when a dossier was created or its facts changed. */
public record DossierRecorded(DossierId dossierId, String code, boolean created, DossierStatus status) {}
