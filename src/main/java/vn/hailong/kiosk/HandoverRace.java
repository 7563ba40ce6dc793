package vn.hailong.kiosk;

import java.sql.SQLException;

import vn.hailong.platform.TransientWriteConflict;

/**
 * A handover that lost a race at its counter: besides the transient conflicts of every write, the
 * unique key of the counter's open handover. On one database the counter's row lock makes that
 * key wait rather than fail; on a Galera cluster, where row locks stay on their node, a handover
 * that another node has committed meanwhile fails on it, and the next attempt replaces that one.
 */
class HandoverRace extends TransientWriteConflict {

    static final String OPEN_HANDOVER_KEY = "uk_kiosk_handover_open";

    @Override
    protected boolean isTransient(Throwable t) {
        return super.isTransient(t)
                || t instanceof SQLException sql
                        && sql.getMessage() != null
                        && sql.getMessage().contains(OPEN_HANDOVER_KEY);
    }
}
