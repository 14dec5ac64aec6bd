package io.bindery.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the versions of hot-deployed workers and the history of their deploys in the ledger's
 * database (embedded H2 or the shared PostgreSQL), beside the billing records.
 *
 * <p>Version numbers are assigned per worker by the database: an upload takes the highest
 * stored number plus one, and the primary key {@code (worker, version)} makes two nodes that
 * upload at the same time collide, so that the later one retries with the next number. The
 * Uploads through one store are numbered one at a time; those of other nodes may collide and
 * are retried with a short random pause, up to 10 times. The
 * version row and its {@link DeployAction#DEPLOY} event are written in one transaction.
 * Every call opens its own connection; the schema is migrated once per process
 * ({@link LedgerSchema}). Thread-safe.
 */
public final class DeployStore {

    /** The largest jar the store accepts, in bytes. */
    public static final int MAX_JAR_BYTES = 64 * 1024 * 1024;

    private static final int NUMBERING_ATTEMPTS = 10;
    private static final int QUERY_TIMEOUT_SECONDS = 10;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String VERSION_COLUMNS = "worker, version, label, sha256, "
            + "LENGTH(jar), config_yaml, created_by, created_at_ms";
    private static final String INSERT_VERSION = "INSERT INTO worker_version (worker, version, "
            + "label, sha256, jar, config_yaml, created_by, created_at_ms) SELECT ?, "
            + "COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ? FROM worker_version "
            + "WHERE worker = ?";
    private static final String INSERT_EVENT = "INSERT INTO worker_deploy_event (worker, "
            + "version, action, actor, node_id, at_ms, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String EVENT_COLUMNS = "id, worker, version, action, actor, node_id, "
            + "at_ms, detail";

    private final LedgerSettings settings;
    private final Clock clock;
    private final Object numbering = new Object();

    private DeployStore(LedgerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens the store and migrates the schema if this process has not yet.
     *
     * @param settings the ledger's database and this node's id
     * @param clock the clock of creation and event times
     * @return the store
     * @throws LedgerUnavailableException when the database cannot be reached or migrated
     */
    public static DeployStore open(LedgerSettings settings, Clock clock) {
        var store = new DeployStore(settings, clock);
        store.call("migrated", c -> Boolean.TRUE);
        return store;
    }

    /**
     * Stores a new version with the next number of its worker and records its deploy event.
     *
     * @param worker the worker's name
     * @param label a free label, or {@code null}
     * @param configYaml the worker entry's YAML, without name and jar
     * @param jar the jar's bytes, at most {@value #MAX_JAR_BYTES}
     * @param actor who uploads it
     * @return the stored version
     * @throws LedgerUnavailableException when the database fails
     */
    public StoredVersion store(String worker, String label, String configYaml, byte[] jar,
            String actor) {
        if (jar.length > MAX_JAR_BYTES) {
            throw new IllegalArgumentException("The jar of " + worker + " has " + jar.length
                    + " bytes, more than the " + MAX_JAR_BYTES + " a version may have; "
                    + "leave libraries the worker does not use out of it.");
        }
        String sha256 = sha256(jar);
        Instant now = clock.instant();
        synchronized (numbering) {
            return call("stored for " + worker, c -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return insertVersion(c, worker, label, configYaml, jar, sha256, actor,
                                now);
                    } catch (SQLException e) {
                        c.rollback();
                        if (!UNIQUE_VIOLATION.equals(e.getSQLState())
                                || attempt == NUMBERING_ATTEMPTS) {
                            throw e;
                        }
                        pause(attempt);
                    }
                }
            });
        }
    }

    /**
     * Lists a worker's stored versions, oldest first.
     *
     * @param worker the worker's name
     * @return the versions; empty when none was uploaded
     */
    public List<StoredVersion> versions(String worker) {
        return call("read", c -> {
            try (var select = prepare(c, "SELECT " + VERSION_COLUMNS + " FROM worker_version "
                    + "WHERE worker = ? ORDER BY version")) {
                select.setString(1, worker);
                return versionRows(select);
            }
        });
    }

    /**
     * Finds one stored version.
     *
     * @param worker the worker's name
     * @param version the version number
     * @return the version, or empty
     */
    public Optional<StoredVersion> version(String worker, int version) {
        return call("read", c -> {
            try (var select = prepare(c, "SELECT " + VERSION_COLUMNS + " FROM worker_version "
                    + "WHERE worker = ? AND version = ?")) {
                select.setString(1, worker);
                select.setInt(2, version);
                return versionRows(select).stream().findFirst();
            }
        });
    }

    /**
     * Reads the bytes of a stored version's jar.
     *
     * @param worker the worker's name
     * @param version the version number
     * @return the bytes
     * @throws IllegalArgumentException when no such version is stored
     */
    public byte[] jar(String worker, int version) {
        byte[] jar = call("read", c -> {
            try (var select = prepare(c, "SELECT jar FROM worker_version "
                    + "WHERE worker = ? AND version = ?")) {
                select.setString(1, worker);
                select.setInt(2, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getBytes(1) : null;
                }
            }
        });
        if (jar == null) {
            throw new IllegalArgumentException("No version " + version + " of " + worker
                    + " is stored; list them with GET /api/workers/" + worker + "/versions.");
        }
        return jar;
    }

    /**
     * Records an event with this node's id and the clock's time.
     *
     * @param worker the worker's name
     * @param version the version; 0 for the configuration file's entry
     * @param action what happened
     * @param actor who did it
     * @param detail free text, or {@code null}
     * @return the event as stored
     */
    public DeployEvent record(String worker, int version, DeployAction action, String actor,
            String detail) {
        Instant now = clock.instant();
        long id = call("recorded", c -> {
            long key = insertEvent(c, worker, version, action, actor, now, detail);
            c.commit();
            return key;
        });
        return new DeployEvent(id, worker, version, action, actor, settings.nodeId(), now,
                detail);
    }

    /**
     * Returns the newest events first.
     *
     * @param worker only this worker's events, or {@code null} for every worker
     * @param limit the most events returned
     * @return the events
     */
    public List<DeployEvent> history(String worker, int limit) {
        String where = worker == null ? "" : " WHERE worker = ?";
        return call("read", c -> {
            try (var select = prepare(c, "SELECT " + EVENT_COLUMNS + " FROM worker_deploy_event"
                    + where + " ORDER BY id DESC")) {
                select.setMaxRows(limit);
                if (worker != null) {
                    select.setString(1, worker);
                }
                return eventRows(select);
            }
        });
    }

    /**
     * Returns, per worker, the newest event that made a version the one that serves
     * ({@link DeployAction#activates()}): what a server applies at start.
     *
     * @return worker name to its activating event, by worker name
     */
    public Map<String, DeployEvent> active() {
        return call("read", c -> {
            try (var select = prepare(c, "SELECT " + EVENT_COLUMNS + " FROM worker_deploy_event"
                    + " WHERE id IN (SELECT MAX(id) FROM worker_deploy_event WHERE action IN "
                    + "('activate', 'rollback') GROUP BY worker) ORDER BY worker")) {
                var active = new LinkedHashMap<String, DeployEvent>();
                eventRows(select).forEach(event -> active.put(event.worker(), event));
                return active;
            }
        });
    }

    @Override
    public String toString() {
        return "DeployStore[" + settings.describe() + "]";
    }

    private StoredVersion insertVersion(Connection c, String worker, String label,
            String configYaml, byte[] jar, String sha256, String actor, Instant now)
            throws SQLException {
        try (var insert = prepare(c, INSERT_VERSION)) {
            insert.setString(1, worker);
            insert.setString(2, label);
            insert.setString(3, sha256);
            insert.setBytes(4, jar);
            insert.setString(5, configYaml);
            insert.setString(6, actor);
            insert.setLong(7, now.toEpochMilli());
            insert.setString(8, worker);
            insert.executeUpdate();
        }
        int version = newestVersion(c, worker);
        insertEvent(c, worker, version, DeployAction.DEPLOY, actor, now, label);
        c.commit();
        return new StoredVersion(worker, version, label, sha256, jar.length, configYaml, actor,
                Instant.ofEpochMilli(now.toEpochMilli()));
    }

    private static int newestVersion(Connection c, String worker) throws SQLException {
        try (var select = prepare(c, "SELECT MAX(version) FROM worker_version "
                + "WHERE worker = ?")) {
            select.setString(1, worker);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private long insertEvent(Connection c, String worker, int version, DeployAction action,
            String actor, Instant at, String detail) throws SQLException {
        try (var insert = c.prepareStatement(INSERT_EVENT, new String[] {"id"})) {
            insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            insert.setString(1, worker);
            insert.setInt(2, version);
            insert.setString(3, action.label());
            insert.setString(4, actor);
            insert.setString(5, settings.nodeId());
            insert.setLong(6, at.toEpochMilli());
            insert.setString(7, detail);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<StoredVersion> versionRows(PreparedStatement select)
            throws SQLException {
        var versions = new ArrayList<StoredVersion>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.add(new StoredVersion(rows.getString(1), rows.getInt(2),
                        rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6), rows.getString(7),
                        Instant.ofEpochMilli(rows.getLong(8))));
            }
        }
        return versions;
    }

    private static List<DeployEvent> eventRows(PreparedStatement select) throws SQLException {
        var events = new ArrayList<DeployEvent>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(new DeployEvent(rows.getLong(1), rows.getString(2), rows.getInt(3),
                        DeployAction.of(rows.getString(4)), rows.getString(5),
                        rows.getString(6), Instant.ofEpochMilli(rows.getLong(7)),
                        rows.getString(8)));
            }
        }
        return events;
    }

    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        var statement = c.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    /** Runs one unit of work on a fresh connection without auto-commit. */
    private <T> T call(String what, Work<T> work) {
        try {
            LedgerSchema.migrate(settings);
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(),
                    settings.user(), settings.password())) {
                c.setAutoCommit(false);
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException("The deploy store in " + settings.describe()
                    + " could not be " + what + " (" + e.getMessage() + "); retry when the "
                    + "database answers.", e);
        }
    }

    /** Waits a few random milliseconds, growing with the attempt, before numbering again. */
    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while numbering a version", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }

    /** One unit of work on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
