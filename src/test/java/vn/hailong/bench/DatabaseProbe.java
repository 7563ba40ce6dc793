package vn.hailong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
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
    public static final List<String> PER_OPERATION = List.of(
            "Questions",
            "Com_select",
            "Com_insert",
            "Com_update",
            "Com_delete",
            "Com_set_option",
            "Com_begin",
            "Com_commit",
            "Com_rollback",
            "Innodb_rows_read",
            "Innodb_rows_inserted",
            "Innodb_os_log_fsyncs",
            "Innodb_data_fsyncs",
            "Bytes_received",
            "Bytes_sent");

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All global status counters (numeric ones). */
    public Map<String, Long> counters() throws SQLException {
        Map<String, Long> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
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
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name.replace("'", "") + "'")) {
                    result.put(name, rs.next() ? rs.getString(2) : "?");
                }
            }
        }
        return result;
    }

    /** One line of the general query log: the connection, the command type (Query, Execute, ...) and its text. */
    public record LogEntry(long connection, String command, String text) {}

    /**
     * The statements other connections send to the server while {@code action} runs, from the
     * general query log (switched on for that time only), as "connection: command text" lines.
     */
    public List<String> trace(Runnable action) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (LogEntry e : traceEntries(action)) {
            lines.add(String.format(
                    Locale.ROOT,
                    "#%d %s: %s",
                    e.connection(),
                    e.command(),
                    e.text().length() > 240 ? e.text().substring(0, 240) + "…" : e.text()));
        }
        return lines;
    }

    /** Like {@link #trace}, the log's entries themselves (whitespace collapsed, not shortened), in the order logged. */
    public List<LogEntry> traceEntries(Runnable action) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
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
            try (ResultSet rs = s.executeQuery(
                    "SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                            + " WHERE thread_id <> " + self + " ORDER BY event_time")) {
                while (rs.next()) {
                    String text = rs.getString(3) == null
                            ? ""
                            : rs.getString(3).replaceAll("\\s+", " ").strip();
                    entries.add(new LogEntry(rs.getLong(1), rs.getString(2), text));
                }
            }
            s.execute("TRUNCATE TABLE mysql.general_log");
        }
        return entries;
    }

    /**
     * Statements of a traced run split by who sent them: the rollup worker (transactions claiming or deleting
     * {@code rollup_pending} rows, ADR 070) and the requests (every other transaction: a request's API-key look-up,
     * its read-only and its writing transactions; also whatever background job ran meanwhile, which in a test
     * application is little).
     *
     * @param statements by group ("request", "worker"), then by first keyword (SELECT, INSERT, ..., COMMIT)
     * @param transactions by group
     */
    public record StatementSplit(Map<String, Map<String, Integer>> statements, Map<String, Integer> transactions) {

        public int total(String group) {
            return statements.getOrDefault(group, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }

        /** "SELECT 2.00, INSERT 3.00, COMMIT 1.00" per operation. */
        public String perOperation(String group, int operations) {
            StringBuilder line = new StringBuilder();
            statements
                    .getOrDefault(group, Map.of())
                    .forEach((kind, n) -> line.append(line.isEmpty() ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %.2f", kind, n / (double) operations)));
            return line.toString();
        }
    }

    /**
     * Splits traced statements into transactions per connection and classifies them. A transaction is what a
     * connection sent after its previous COMMIT or ROLLBACK up to and including its next one, so the statements
     * between (switching autocommit back on, a lone read in autocommit mode) count with the transaction that follows.
     */
    public static StatementSplit split(List<LogEntry> entries) {
        Map<Long, List<String>> open = new HashMap<>();
        Map<String, Map<String, Integer>> statements = new TreeMap<>();
        Map<String, Integer> transactions = new TreeMap<>();
        Consumer<List<String>> close = tx -> {
            if (tx.isEmpty()) {
                return;
            }
            String group = "request";
            for (String sql : tx) {
                String lower = sql.toLowerCase(Locale.ROOT);
                if (lower.contains("rollup_pending") && (lower.contains("skip locked") || lower.startsWith("delete"))) {
                    group = "worker";
                    break;
                }
            }
            transactions.merge(group, 1, Integer::sum);
            Map<String, Integer> kinds = statements.computeIfAbsent(group, g -> new TreeMap<>());
            for (String sql : tx) {
                String kind = sql.isEmpty() ? "?" : sql.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
                kinds.merge(kind, 1, Integer::sum);
            }
        };
        for (LogEntry e : entries) {
            if (!e.command().equals("Query") && !e.command().equals("Execute")) {
                continue; // Connect, Quit, Ping, Prepare, Close stmt: not statements
            }
            List<String> tx = open.computeIfAbsent(e.connection(), c -> new ArrayList<>());
            tx.add(e.text());
            String lower = e.text().toLowerCase(Locale.ROOT);
            if (lower.equals("commit") || lower.equals("rollback")) {
                close.accept(tx);
                open.put(e.connection(), new ArrayList<>());
            }
        }
        open.values().forEach(close);
        return new StatementSplit(statements, transactions);
    }
}
