package vn.hailong.intake;

import java.util.UUID;

/** Published when a dossier was created or its facts changed. */
public record DossierRecorded(UUID dossierId, String code, boolean created, DossierStatus status) {}
