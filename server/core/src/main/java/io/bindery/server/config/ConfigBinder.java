package io.bindery.server.config;

import io.bindery.server.config.YamlNode.Mapping;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a parsed configuration into a {@link BinderyConfig}: the root, {@code server:} and
 * {@code limits:} sections here, the workers in {@link WorkersBinder}.
 *
 * <p>Every problem is recorded and reading goes on, so that one run reports them all. Not
 * thread-safe; one instance per file.
 */
final class ConfigBinder {

    private static final List<String> ROOT_KEYS = List.of("server", "limits", "workers",
            "ledger", "pricing", "accounts");
    private static final List<String> SERVER_KEYS =
            List.of("port", "adminPort", "host", "shutdownGrace", "maxConcurrentRequests");

    /** The environment variable that overrides {@code server.port}. */
    static final String PORT_VARIABLE = "BINDERY_PORT";

    /** The environment variable that overrides {@code server.adminPort}. */
    static final String ADMIN_PORT_VARIABLE = "BINDERY_ADMIN_PORT";

    private final Fields fields;
    private final UnaryOperator<String> environment;
    private final WorkersBinder workers;

    ConfigBinder(Fields fields, UnaryOperator<String> environment, WorkersBinder workers) {
        this.fields = fields;
        this.environment = environment;
        this.workers = workers;
    }

    BinderyConfig bind(YamlNode root) {
        if (!(root instanceof Mapping mapping)) {
            fields.problems().add(root, "the file must be a mapping, but it is "
                    + root.describe(), "start the file with 'workers:' (and optionally "
                    + "'server:' and 'limits:') at the left margin");
            return null;
        }
        fields.checkKeys(mapping, ROOT_KEYS);
        ServerSettings server = server(section(mapping, "server"));
        Limits limits = limits(section(mapping, "limits"));
        List<WorkerSpec> specs = workers.bind(mapping);
        var billing = new BillingBinder(fields, environment);
        return new BinderyConfig(fields.problems().source(), server, limits, specs,
                billing.ledger(fields.mapping(mapping, "ledger")),
                billing.pricing(fields.mapping(mapping, "pricing")),
                billing.accounts(fields.mapping(mapping, "accounts")));
    }

    private Mapping section(Mapping root, String key) {
        return fields.mapping(root, key).orElseGet(() -> new Mapping(key, root.line(),
                root.column(), Map.of()));
    }

    private ServerSettings server(Mapping section) {
        fields.checkKeys(section, SERVER_KEYS);
        String host = fields.text(section, "host").orElse(ServerSettings.DEFAULT_HOST);
        int port = override(PORT_VARIABLE, fields.port(section, "port")
                .orElse(ServerSettings.DEFAULT_PORT));
        int adminPort = override(ADMIN_PORT_VARIABLE, fields.port(section, "adminPort")
                .orElse(ServerSettings.DEFAULT_ADMIN_PORT));
        if (port != 0 && port == adminPort) {
            fields.problems().add("server.adminPort", section.line(), section.column(),
                    "the admin port " + adminPort + " is the same as the public port",
                    "choose two different ports (server.port, server.adminPort, or "
                            + PORT_VARIABLE + " and " + ADMIN_PORT_VARIABLE + ")");
        }
        var grace = fields.duration(section, "shutdownGrace")
                .orElse(ServerSettings.DEFAULT_SHUTDOWN_GRACE);
        int maxConcurrent = fields.positive(section, "maxConcurrentRequests")
                .orElse(ServerSettings.DEFAULT_MAX_CONCURRENT_REQUESTS);
        return new ServerSettings(host, port, adminPort, grace, maxConcurrent);
    }

    private int override(String variable, int configured) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            return configured;
        }
        var at = new YamlNode.Scalar("environment variable " + variable, 0, 0, value);
        return fields.port(value, at).orElse(configured);
    }

    private Limits limits(Mapping section) {
        return new LimitsBinder(fields).global(section);
    }
}
