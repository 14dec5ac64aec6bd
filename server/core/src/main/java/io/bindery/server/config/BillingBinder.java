package io.bindery.server.config;

import io.bindery.ledger.Pricing;
import io.bindery.server.config.YamlNode.Mapping;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the {@code ledger:}, {@code pricing:} and {@code accounts:} sections.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class BillingBinder {

    /** The environment variable that overrides {@code ledger.url}. */
    static final String LEDGER_URL_VARIABLE = "BINDERY_LEDGER_URL";

    private static final List<String> LEDGER_KEYS = List.of("url", "user", "passwordEnv");
    private static final List<String> PRICING_KEYS =
            List.of("perMillionRequests", "perGbSecond", "memoryMb", "currency");
    private static final List<String> ACCOUNT_KEYS = List.of("tokenEnv");

    private final Fields fields;
    private final UnaryOperator<String> environment;

    BillingBinder(Fields fields, UnaryOperator<String> environment) {
        this.fields = fields;
        this.environment = environment;
    }

    LedgerConfig ledger(Optional<Mapping> section) {
        String override = environment.apply(LEDGER_URL_VARIABLE);
        if (section.isEmpty()) {
            return blank(override) ? LedgerConfig.EMBEDDED
                    : new LedgerConfig(override, null, null);
        }
        Mapping map = section.get();
        fields.checkKeys(map, LEDGER_KEYS);
        String url = blank(override) ? fields.text(map, "url").orElse(null) : override;
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            fields.problems().add(map.entries().getOrDefault("url", map), "the ledger URL '"
                    + url + "' is not a PostgreSQL JDBC URL", "write jdbc:postgresql://host:"
                    + "5432/db, or remove 'url' for the embedded database");
        }
        String password = fields.text(map, "passwordEnv")
                .map(name -> secret(map.entries().get("passwordEnv"), name)).orElse(null);
        return new LedgerConfig(url, fields.text(map, "user").orElse(null), password);
    }

    Pricing pricing(Optional<Mapping> section) {
        Pricing d = Pricing.defaults();
        if (section.isEmpty()) {
            return d;
        }
        Mapping map = section.get();
        fields.checkKeys(map, PRICING_KEYS);
        BigDecimal perMillion = decimal(map, "perMillionRequests", d.perMillionRequests());
        BigDecimal perGbSecond = decimal(map, "perGbSecond", d.perGbSecond());
        int memory = fields.positive(map, "memoryMb").orElse(d.memoryMb());
        String currency = fields.text(map, "currency").orElse(d.currency());
        return new Pricing(perMillion, perGbSecond, memory, currency);
    }

    /** Returns the account tokens, account name to token. */
    Map<String, String> accounts(Optional<Mapping> section) {
        var tokens = new LinkedHashMap<String, String>();
        section.ifPresent(map -> map.entries().forEach((account, node) -> {
            if (!(node instanceof Mapping entry)) {
                fields.problems().add(node, "expected '{ tokenEnv: NAME }' for the account '"
                        + account + "'", "write '" + account + ": { tokenEnv: "
                        + account.toUpperCase(java.util.Locale.ROOT) + "_TOKEN }'");
                return;
            }
            fields.checkKeys(entry, ACCOUNT_KEYS);
            fields.required(entry, "tokenEnv", "ACME_TOKEN")
                    .map(name -> secret(entry.entries().get("tokenEnv"), name))
                    .ifPresent(token -> addToken(tokens, account, token, entry));
        }));
        return tokens;
    }

    private void addToken(Map<String, String> tokens, String account, String token,
            Mapping at) {
        if (tokens.containsValue(token)) {
            fields.problems().add(at, "the account '" + account + "' has the same token as "
                    + "another account", "give every account its own token");
            return;
        }
        tokens.put(account, token);
    }

    private String secret(YamlNode at, String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            fields.problems().add(at, "the environment variable " + variable + " is not set",
                    "export " + variable + "=... before starting the server");
            return null;
        }
        return value;
    }

    private BigDecimal decimal(Mapping map, String key, BigDecimal fallback) {
        return fields.text(map, key).flatMap(text -> {
            try {
                BigDecimal value = new BigDecimal(text.trim());
                if (value.signum() >= 0) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            fields.problems().add(map.entries().get(key), "'" + text + "' is not a price",
                    "write a decimal number that is not negative, such as 0.30");
            return Optional.empty();
        }).orElse(fallback);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
