package vn.hailong.receipt;

import java.util.UUID;

import vn.hailong.intake.DossierDetails;

/**
 * A survey link looked up: its state and, unless unknown, the dossier it belongs to (as read for
 * the expiry check, so callers need not read it again).
 */
public record ResolvedLink(LinkState state, DossierDetails dossier) {

    static ResolvedLink unknown() {
        return new ResolvedLink(LinkState.UNKNOWN, null);
    }

    public UUID dossierId() {
        return dossier == null ? null : dossier.id();
    }
}
