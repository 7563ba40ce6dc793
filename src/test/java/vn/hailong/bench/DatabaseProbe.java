package vn.hailong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Cheap profiling through MariaDB itself: server counters (SHOW GLOBAL STATUS) read before and
 * after a run give statements, commits and fsyncs per operation; the general query log, switched
 * on around one operation, gives the exact statements it sends. Both cost nothing in the
 * application and need no agent. Counters are server-wide, so they are exact only while nothing
 * else uses the server (the embedded MariaDB of a test run serves that run only).
 */
public final class DatabaseProbe {

    /** Counters worth reading per operation, in the order shown. */
    public static final List<String> PER_OPERATION = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_set_option", "Com_begin", "Com_commit", "Com_rollback", "Innodb_rows_read",
            "Innodb_rows_inserted", "Innodb_os_log_fsyncs", "Innodb_data_fsyncs", "Bytes_received", "Bytes_sent");

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All global status counters (numeric ones). */
    public Map<String, Long> counters() throws SQLException {
        Map<String, Long> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                try {
                    result.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                } catch (NumberFormatException notANumber) {
                    // text status, not a counter
                }
            }
        }
        return result;
    }

    /** Counter increase per operation between two {@link #counters()} readings, for {@link #PER_OPERATION}. */
    public static Map<String, Double> perOperation(Map<String, Long> before, Map<String, Long> after, int operations) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (String key : PER_OPERATION) {
            if (before.containsKey(key) && after.containsKey(key) && operations > 0) {
                result.put(key, (after.get(key) - before.get(key)) / (double) operations);
            }
        }
        return result;
    }

    /** Server variables, e.g. innodb_flush_log_at_trx_commit, to say what the figures were measured on. */
    public Map<String, String> variables(String... names) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name.replace("'", "") + "'")) {
                    result.put(name, rs.next() ? rs.getString(2) : "?");
                }
            }
        }
        return result;
    }

    /**
     * The statements other connections send to the server while {@code action} runs, from the
     * general query log (switched on for that time only), as "connection: command text" lines.
     */
    public List<String> trace(Runnable action) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long self;
            try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                self = rs.getLong(1);
            }
            String output;
            try (ResultSet rs = s.executeQuery("SELECT @@global.log_output")) {
                rs.next();
                output = rs.getString(1);
            }
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE TABLE mysql.general_log");
            s.execute("SET GLOBAL general_log = 1");
            try {
                action.run();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
                s.execute("SET GLOBAL log_output = '" + output.replace("'", "") + "'");
            }
            try (ResultSet rs = s.executeQuery("SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                    + " WHERE thread_id <> " + self + " ORDER BY event_time")) {
                while (rs.next()) {
                    String text = rs.getString(3) == null ? "" : rs.getString(3).replaceAll("\\s+", " ").strip();
                    lines.add(String.format(Locale.ROOT, "#%d %s: %s", rs.getLong(1), rs.getString(2),
                            text.length() > 240 ? text.substring(0, 240) + "…" : text));
                }
            }
            s.execute("TRUNCATE TABLE mysql.general_log");
        }
        return lines;
    }
}
