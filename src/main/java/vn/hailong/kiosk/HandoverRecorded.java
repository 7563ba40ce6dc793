package vn.hailong.kiosk;

import java.util.UUID;

/** A dossier was handed over at a counter; the counter's kiosk switches to its survey. */
public record HandoverRecorded(UUID handoverId, UUID counterId, UUID dossierId) {
}
