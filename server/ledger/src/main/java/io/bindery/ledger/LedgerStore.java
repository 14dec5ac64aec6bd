package io.bindery.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to the ledger's database: migrates its schema with Flyway and inserts and sums rows
 * with SQL that PostgreSQL and H2 (in PostgreSQL mode) both accept.
 *
 * <p>{@link #insert} is called by the writer thread only, on its own connection; {@link #usage}
 * opens a connection per call and may run on any thread.
 */
final class LedgerStore implements AutoCloseable {

    private static final String INSERT = "INSERT INTO billing_record (trace_id, start_ns, "
            + "start_ms, account, entry_worker, route, method, status, flattened_ns, "
            + "classic_ns, savings_ns, awaiting_ns, binding_calls, subrequests, span_count, "
            + "complete, incomplete_reason, node_id, workers) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String USAGE = "SELECT bucket, COUNT(*), SUM(flattened_ns), "
            + "SUM(classic_ns), SUM(awaiting_ns) FROM (SELECT start_ms / ? AS bucket, "
            + "flattened_ns, classic_ns, awaiting_ns FROM billing_record "
            + "WHERE start_ms >= ? AND start_ms < ?%s) b GROUP BY bucket ORDER BY bucket";
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    private final LedgerSettings settings;
    private final ObjectMapper mapper;
    private Connection connection;

    LedgerStore(LedgerSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    /** Inserts a batch in one transaction; rows already stored are skipped. */
    int insert(List<LedgerEntry> entries) throws SQLException {
        Connection c = connection();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (LedgerEntry entry : entries) {
                bind(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
            return entries.size();
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
    }

    /** Sums usage per bucket, oldest first; empty buckets are left out. */
    List<UsageBucket> usage(UsageQuery query) throws SQLException {
        long step = query.step().toMillis();
        String sql = USAGE.formatted(query.account() == null ? "" : " AND account = ?");
        try (Connection c = open(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            select.setLong(1, step);
            select.setLong(2, query.from().toEpochMilli());
            select.setLong(3, query.to().toEpochMilli());
            if (query.account() != null) {
                select.setString(4, query.account());
            }
            return buckets(select, step);
        }
    }

    /** Counts the stored rows, for tests and the start-up log. */
    long count() throws SQLException {
        try (Connection c = open(); var select = c.prepareStatement(
                "SELECT COUNT(*) FROM billing_record"); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Opens the writer's connection (migrating the schema once) unless it is open. */
    Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = open();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    @Override
    public void close() {
        closeConnection();
    }

    private Connection open() throws SQLException {
        LedgerSchema.migrate(settings);
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password());
    }

    private void bind(PreparedStatement insert, LedgerEntry e) throws SQLException {
        insert.setString(1, e.traceId());
        insert.setLong(2, e.startNanos());
        insert.setLong(3, e.startMillis());
        insert.setString(4, e.account());
        insert.setString(5, e.entryWorker());
        insert.setString(6, e.route());
        insert.setString(7, e.method());
        insert.setInt(8, e.status());
        insert.setLong(9, e.flattenedNanos());
        insert.setLong(10, e.classicNanos());
        insert.setLong(11, e.classicNanos() - e.flattenedNanos());
        insert.setLong(12, e.awaitingNanos());
        insert.setInt(13, e.bindingCalls());
        insert.setInt(14, e.subrequests());
        insert.setInt(15, e.spanCount());
        insert.setBoolean(16, e.complete());
        insert.setString(17, e.incompleteReason());
        insert.setString(18, e.nodeId());
        insert.setString(19, workersJson(e));
    }

    private String workersJson(LedgerEntry entry) {
        try {
            return mapper.writeValueAsString(entry.workers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the worker usage of trace "
                    + entry.traceId(), e);
        }
    }

    private static List<UsageBucket> buckets(PreparedStatement select, long step)
            throws SQLException {
        var buckets = new ArrayList<UsageBucket>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                buckets.add(new UsageBucket(Instant.ofEpochMilli(rows.getLong(1) * step),
                        rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
            }
        }
        return buckets;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being dropped after a failure; nothing more to do.
            }
            connection = null;
        }
    }
}
