package io.bindery.server.config;

/**
 * Holds the {@code ledger:} section: which database keeps the usage ledger.
 *
 * <p>Without a URL (the default) the ledger is the embedded H2 database in the data folder
 * ({@code BINDERY_DATA_DIR}, default {@code ./data}). The environment variable
 * {@code BINDERY_LEDGER_URL} overrides {@code ledger.url}.
 *
 * @param url a PostgreSQL JDBC URL, or {@code null} for the embedded database
 * @param user the database user, or {@code null}
 * @param password the password read from the variable named by {@code passwordEnv}, or
 *     {@code null}
 */
public record LedgerConfig(String url, String user, String password) {

    /** The embedded default. */
    public static final LedgerConfig EMBEDDED = new LedgerConfig(null, null, null);

    @Override
    public String toString() {
        return "LedgerConfig[url=" + url + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
