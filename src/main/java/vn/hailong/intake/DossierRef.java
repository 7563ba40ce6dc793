package vn.hailong.intake;

import java.util.UUID;

import vn.hailong.platform.UnitId;

/** The few facts of a dossier that a rating records, read with one query. */
public record DossierRef(DossierId id, String code, UnitId evaluatedUnitId, UUID procedureId) {

    /** The query's projection ({@link Dossiers}), which reads the raw columns. */
    public DossierRef(UUID id, String code, UUID evaluatedUnitId, UUID procedureId) {
        this(DossierId.of(id), code, UnitId.of(evaluatedUnitId), procedureId);
    }
}
