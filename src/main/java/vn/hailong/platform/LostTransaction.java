package vn.hailong.platform;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * A transaction is not the one it began (ADR 104). Seen in the cluster proof (issue 18): on a Galera
 * cluster a replicated write aborted a local transaction (a BF abort), the driver logged the error
 * (1213) but no statement failed, and the server ran the statements after it in a new implicit
 * transaction (the server keeps such an error for "the next interaction", MDEV-24255, and a
 * deadlock leaves the session to start a new transaction, MDEV-36959). Committed as it stood, that
 * would keep the later half of the work without the earlier: the rollup worker deleted its changes
 * without the rollups they stood for, and a rating's side effects could outlive the rating.
 *
 * <p>So a write path whose halves must go together checks, with its last statement, that its first
 * write is still there (the rollup worker deletes its changes only while they carry its token;
 * every transaction that writes an entity counts its first one at commit, {@code
 * platform.jpa.FirstWriteStillThere}), and throws this otherwise: it is a lost race like a
 * certification conflict ({@link TransientWriteConflict} retries it), and rolls back the new
 * transaction with the rest.
 */
public class LostTransaction extends ConcurrencyFailureException {

    public LostTransaction(String message) {
        super(message);
    }
}
