package io.bindery.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeployStore} on the embedded H2 database, a fresh one per test. */
class EmbeddedDeployStoreTest extends DeployStoreContract {

    @TempDir
    Path dir;

    @Override
    LedgerSettings settings(String node) {
        return LedgerSettings.of(null, null, null, dir, node);
    }
}
