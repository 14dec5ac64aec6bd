package io.bindery.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeployStore} on a real PostgreSQL cluster, its tables emptied before each test. */
class PostgresDeployStoreTest extends DeployStoreContract {

    private static PostgresCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        DeployStore.open(settings("setup"), java.time.Clock.systemUTC());
        cluster.execute("DELETE FROM worker_version", "DELETE FROM worker_deploy_event");
    }

    @Override
    LedgerSettings settings(String node) {
        return LedgerSettings.of(cluster.jdbcUrl(), cluster.user(), null, dir.resolve(node),
                node);
    }
}
