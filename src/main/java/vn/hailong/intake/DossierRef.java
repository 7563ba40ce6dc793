package vn.hailong.intake;

import java.util.UUID;

/** The few facts of a dossier that a rating records, read with one query. */
public record DossierRef(UUID id, String code, UUID evaluatedUnitId, UUID procedureId) {}
