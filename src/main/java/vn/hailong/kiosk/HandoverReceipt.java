package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

/** The answer to a handover: the binding and until when it holds. */
public record HandoverReceipt(UUID handoverId, String counterCode, String dossierCode, Instant handedOverAt, Instant expiresAt) {
}
