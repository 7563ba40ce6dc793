package vn.hailong.receipt;

import java.util.UUID;

/** A survey link looked up: its state and, unless unknown, the dossier it belongs to. */
public record ResolvedLink(LinkState state, UUID dossierId) {

    static ResolvedLink unknown() {
        return new ResolvedLink(LinkState.UNKNOWN, null);
    }
}
