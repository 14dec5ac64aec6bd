package io.bindery.ledger;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * Migrates the ledger database's schema ({@code db/ledger/V*.sql}, history table
 * {@value #HISTORY_TABLE}) once per database and process.
 *
 * <p>The ledger's writer thread and the deploy store both reach the same database; this class
 * serializes their first connections in one process, and Flyway's own lock (an advisory lock
 * on PostgreSQL) serializes nodes that start at the same time. Thread-safe.
 */
final class LedgerSchema {

    private static final String HISTORY_TABLE = "bindery_ledger_schema_history";
    private static final Set<String> MIGRATED = new HashSet<>();

    private LedgerSchema() {
    }

    /** Migrates the database of these settings unless this process already did. */
    static void migrate(LedgerSettings settings) throws SQLException {
        synchronized (MIGRATED) {
            if (MIGRATED.contains(settings.jdbcUrl())) {
                return;
            }
            try {
                Flyway.configure(LedgerSchema.class.getClassLoader())
                        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                        .locations("classpath:db/ledger")
                        .table(HISTORY_TABLE)
                        .load().migrate();
            } catch (RuntimeException | LinkageError e) {
                throw new SQLException("The ledger schema cannot be migrated in "
                        + settings.describe() + ": " + e.getMessage(), e);
            }
            MIGRATED.add(settings.jdbcUrl());
        }
    }
}
