package vn.hailong.kiosk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dossier was handed over at a counter; the counter's kiosk switches to its survey, which is
 * carried along so the kiosk pages of this node need no query of their own.
 */
public record HandoverRecorded(
        UUID handoverId,
        UUID counterId,
        UUID dossierId,
        @Nullable KioskSurvey survey) {}
