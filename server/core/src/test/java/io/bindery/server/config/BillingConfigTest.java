package io.bindery.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bindery.server.runtime.WorkerLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillingConfigTest {

    private static final String WORKERS = """
            workers:
              - name: w
                class: io.bindery.server.testworkers.Echo
            """;

    @TempDir
    Path dir;

    private BinderyConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.create(WorkerLoader.create(), env::get, name -> null)
                .load("test.yaml", WORKERS + yaml, dir);
    }

    @Test
    void ledgerPricingAndAccountsAreRead() {
        BinderyConfig config = load("""
                ledger: { url: "jdbc:postgresql://db:5432/ledger", user: bindery, passwordEnv: PW }
                pricing: { perMillionRequests: 0.20, perGbSecond: 0.0000166667, memoryMb: 256 }
                accounts:
                  acme: { tokenEnv: ACME_TOKEN }
                """, Map.of("PW", "secret", "ACME_TOKEN", "t1"));

        assertThat(config.ledger()).isEqualTo(new LedgerConfig(
                "jdbc:postgresql://db:5432/ledger", "bindery", "secret"));
        assertThat(config.pricing().memoryMb()).isEqualTo(256);
        assertThat(config.pricing().perMillionRequests()).isEqualByComparingTo("0.20");
        assertThat(config.accountTokens()).containsExactly(Map.entry("acme", "t1"));
    }

    @Test
    void defaultsAreTheEmbeddedLedgerAndTheDefaultPrices() {
        BinderyConfig config = load("", Map.of());

        assertThat(config.ledger()).isEqualTo(LedgerConfig.EMBEDDED);
        assertThat(config.pricing().perGbSecond()).isEqualByComparingTo("0.0000125");
        assertThat(config.accountTokens()).isEmpty();
    }

    @Test
    void theLedgerUrlVariableOverridesTheFile() {
        BinderyConfig config = load("", Map.of("BINDERY_LEDGER_URL",
                "jdbc:postgresql://other/ledger"));

        assertThat(config.ledger().url()).isEqualTo("jdbc:postgresql://other/ledger");
    }

    @Test
    void anAccountTokenVariableThatIsNotSetIsReportedWithItsLine() {
        var error = catchThrowableOfType(ConfigException.class, () -> load("""
                accounts:
                  acme: { tokenEnv: ACME_TOKEN }
                pricing: { perGbSecond: cheap }
                """, Map.of()));

        assertThat(error.getMessage()).contains("test.yaml:5:").contains("ACME_TOKEN")
                .contains("export ACME_TOKEN=")
                .contains("test.yaml:6:").contains("'cheap' is not a price");
    }
}
