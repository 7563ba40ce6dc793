package vn.hailong.receipt;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierDetails;

/**
 * A survey link looked up: its state and, unless unknown, the dossier it belongs to (as read for
 * the expiry check, so callers need not read it again).
 */
public record ResolvedLink(LinkState state, @Nullable DossierDetails dossier) {

    static ResolvedLink unknown() {
        return new ResolvedLink(LinkState.UNKNOWN, null);
    }

    /** The dossier of a link that is not {@code UNKNOWN}: callers check the state first. */
    public DossierDetails knownDossier() {
        return Objects.requireNonNull(dossier, "an unknown link has no dossier");
    }

    public @Nullable UUID dossierId() {
        return dossier == null ? null : dossier.id().value();
    }
}
