package io.bindery.server.config;

import io.bindery.ledger.Pricing;
import java.util.List;
import java.util.Map;

/**
 * Holds a whole, validated Bindery configuration.
 *
 * @param source the file or resource it was read from, for messages
 * @param server the listeners and shutdown settings
 * @param limits the per-request limits
 * @param workers the workers, in the order of the file
 * @param ledger the usage ledger's database; embedded by default
 * @param pricing the price list of the usage API; {@link Pricing#defaults()} by default
 * @param accountTokens account name to the bearer token that reads its usage; empty by default
 */
public record BinderyConfig(String source, ServerSettings server, Limits limits,
        List<WorkerSpec> workers, LedgerConfig ledger, Pricing pricing,
        Map<String, String> accountTokens) {

    /** Copies the collections so the record stays immutable. */
    public BinderyConfig {
        workers = List.copyOf(workers);
        accountTokens = Map.copyOf(accountTokens);
    }

    /**
     * Creates a configuration with the default ledger, pricing and no account tokens.
     *
     * @param source the file or resource it was read from
     * @param server the listeners
     * @param limits the limits
     * @param workers the workers
     */
    public BinderyConfig(String source, ServerSettings server, Limits limits,
            List<WorkerSpec> workers) {
        this(source, server, limits, workers, LedgerConfig.EMBEDDED, Pricing.defaults(),
                Map.of());
    }

    @Override
    public String toString() {
        return "BinderyConfig[source=" + source + ", workers=" + workers.size() + ", ledger="
                + ledger + ", accounts=" + accountTokens.keySet() + "]";
    }
}
