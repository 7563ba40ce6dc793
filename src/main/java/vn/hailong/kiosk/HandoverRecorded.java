package vn.hailong.kiosk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierId;

/**
 * A dossier was handed over at a counter; the counter's kiosk switches to its survey, which is
 * carried along so the kiosk pages of this node need no query of their own.
 */
public record HandoverRecorded(
        UUID handoverId,
        UUID counterId,
        DossierId dossierId,
        @Nullable KioskSurvey survey) {}
