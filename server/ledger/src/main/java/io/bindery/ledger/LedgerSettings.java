package io.bindery.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Configures a {@link Ledger}: where records go and how they are batched.
 *
 * <p>With no JDBC URL the ledger is an embedded H2 database in file mode,
 * {@code <dataDir>/ledger.mv.db}, with {@code WRITE_DELAY=0} so that every committed batch
 * is in the file at once (H2 would otherwise hold commits up to 500 ms). The spill file,
 * {@code <dataDir>/ledger-spill.jsonl}, lives in the data folder in both cases. Immutable.
 *
 * @param url the JDBC URL of a PostgreSQL database, or {@code null} for the embedded one
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param dataDir the folder of the embedded database and of the spill file
 * @param nodeId the id stored with each record, naming the node that billed it
 * @param batchSize the most records one insert batch holds; default 200
 * @param batchInterval how long the writer waits to fill a batch; default 200 ms
 * @param bufferCapacity the records held in memory before new ones go to the spill file;
 *     default 10,000
 */
public record LedgerSettings(String url, String user, String password, Path dataDir,
        String nodeId, int batchSize, Duration batchInterval, int bufferCapacity) {

    /** The environment variable that names the data folder. */
    public static final String DATA_DIR_VARIABLE = "BINDERY_DATA_DIR";

    /** The environment variable with a JDBC URL; it overrides {@code ledger.url}. */
    public static final String URL_VARIABLE = "BINDERY_LEDGER_URL";

    /** The environment variable that names this node; default host name and process id. */
    public static final String NODE_VARIABLE = "BINDERY_NODE_ID";

    /** Checks the figures. */
    public LedgerSettings {
        if (batchSize < 1 || bufferCapacity < batchSize || !batchInterval.isPositive()) {
            throw new IllegalArgumentException("Ledger batches need batchSize >= 1, "
                    + "bufferCapacity >= batchSize and a positive interval, but got "
                    + batchSize + ", " + bufferCapacity + ", " + batchInterval + ".");
        }
    }

    /**
     * Returns settings with the default batching.
     *
     * @param url the PostgreSQL JDBC URL, or {@code null} for the embedded database
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @param dataDir the data folder
     * @param nodeId this node's id
     * @return the settings
     */
    public static LedgerSettings of(String url, String user, String password, Path dataDir,
            String nodeId) {
        return new LedgerSettings(url, user, password, dataDir, nodeId, 200,
                Duration.ofMillis(200), 10_000);
    }

    /**
     * Returns the data folder a process uses.
     *
     * @param environment environment variable name to value, or {@code null}
     * @return {@value #DATA_DIR_VARIABLE}, else {@code ./data} in the working folder
     */
    public static Path dataDir(UnaryOperator<String> environment) {
        String dir = environment.apply(DATA_DIR_VARIABLE);
        return Path.of(dir == null || dir.isBlank() ? "data" : dir).toAbsolutePath();
    }

    /**
     * Returns this node's id.
     *
     * @param environment environment variable name to value, or {@code null}
     * @return {@value #NODE_VARIABLE}, else {@code <host name>-<pid>}
     */
    public static String nodeId(UnaryOperator<String> environment) {
        String id = environment.apply(NODE_VARIABLE);
        if (id != null && !id.isBlank()) {
            return id;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /**
     * Returns a copy with other batching, for tests and tuning.
     *
     * @param size the batch size
     * @param interval the batch interval
     * @param capacity the buffer capacity
     * @return the copy
     */
    public LedgerSettings withBatching(int size, Duration interval, int capacity) {
        return new LedgerSettings(url, user, password, dataDir, nodeId, size, interval,
                capacity);
    }

    /** @return whether the ledger is the embedded H2 database */
    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** @return the JDBC URL to connect to */
    public String jdbcUrl() {
        return embedded() ? "jdbc:h2:file:" + dataDir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0" : url;
    }

    /** @return the URL without credentials, for logs */
    public String describe() {
        return embedded() ? "embedded H2 " + dataDir.resolve("ledger.mv.db")
                : url.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public String toString() {
        return "LedgerSettings[" + describe() + ", node " + nodeId + ", batch " + batchSize
                + " / " + batchInterval.toMillis() + " ms, buffer " + bufferCapacity + "]";
    }
}
