package vn.hailong.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link AuditLog#verify()}'s walk over the chain on a plain JDBC connection, for the loopback
 * cluster proof (src/test/cluster/), which checks the chain from outside the application: the
 * same rule ({@link AuditChain}), the same order, the same comparison with the head row.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {}

    /** What the walk found: entries checked and problems (empty: intact). */
    public record Result(long checked, List<String> problems) {}

    public static Result verify(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        long checked = 0;
        byte[] previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expectedSeq) {
                    problems.add("entries " + expectedSeq + "–" + (seq - 1) + " are missing");
                }
                Instant at = rs.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC);
                byte[] prevHash = rs.getBytes(7);
                byte[] hash = rs.getBytes(8);
                if (!Arrays.equals(prevHash, previous)) {
                    problems.add("entry " + seq + " does not follow the entry before it");
                }
                byte[] expected = AuditChain.hash(
                        prevHash,
                        AuditChain.canonical(
                                seq, at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                if (!Arrays.equals(expected, hash)) {
                    problems.add("entry " + seq + " does not match its hash");
                }
                previous = hash;
                expectedSeq = seq + 1;
                checked++;
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_chain_head WHERE id = 1")) {
            if (!rs.next() || rs.getLong(1) != expectedSeq - 1 || !Arrays.equals(rs.getBytes(2), previous)) {
                problems.add("the chain head does not match the last entry (" + (expectedSeq - 1) + ")");
            }
        }
        return new Result(checked, List.copyOf(problems));
    }
}
