package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a handover: the binding, until when it holds, and whether the kiosk shows it now
 * or it waits behind a survey in progress ({@code ahead}: how many wait before it). {@code repeated}:
 * the dossier was already open at the counter, and that handover is answered (nothing new recorded).
 */
public record HandoverReceipt(
        UUID handoverId,
        String counterCode,
        String dossierCode,
        Instant handedOverAt,
        Instant expiresAt,
        State state,
        int ahead,
        boolean repeated) {

    public enum State {
        /** The kiosk shows its survey now. */
        SHOWN,
        /** Stored; shown when the survey in progress (and those waiting before it) are sent or abandoned. */
        QUEUED,
        /** Stored, and replaced at once by a handover recorded after it (racing calls). */
        REPLACED
    }
}
