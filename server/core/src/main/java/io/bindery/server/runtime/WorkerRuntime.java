package io.bindery.server.runtime;

import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigError;
import io.bindery.server.config.ConfigException;
import io.bindery.server.config.Limits;
import io.bindery.server.config.WorkerSpec;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.ServiceBinding;
import io.bindery.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Deploys the workers of a configuration and wires them together: instances, environments,
 * service bindings, key-value namespaces, background tasks, outbound fetch and routes.
 *
 * <p>Thread-safe once created. {@link #shutdown(Duration)} waits for background tasks and
 * releases the outbound HTTP client.
 */
public final class WorkerRuntime implements AutoCloseable {

    private final BinderyConfig config;
    private final BackgroundTasks tasks;
    private final OutboundFetch outbound;
    private final WorkerInvoker invoker;
    private final Routes routes;
    private final Dispatcher dispatcher;

    private WorkerRuntime(BinderyConfig config, BackgroundTasks tasks, OutboundFetch outbound) {
        this.config = config;
        this.tasks = tasks;
        this.outbound = outbound;
        this.invoker = new WorkerInvoker(tasks, outbound);
        this.routes = new Routes(routeTable(config));
        this.dispatcher = new Dispatcher(routes, invoker, tasks, limitTable(config),
                RequestLimits.global(config.limits()));
    }

    /**
     * Deploys a configuration with the process's environment and the system clock.
     *
     * @param config the validated configuration
     * @param loader the loader that checked its classes
     * @return the runtime
     * @throws ConfigException when a worker cannot be instantiated
     */
    public static WorkerRuntime create(BinderyConfig config, WorkerLoader loader) {
        return create(config, loader, System::getenv, Clock.systemUTC());
    }

    /**
     * Deploys a configuration.
     *
     * @param config the validated configuration
     * @param loader the loader that checked its classes
     * @param environment environment variable name to value, for secrets
     * @param clock the clock of key-value expiry
     * @return the runtime
     * @throws ConfigException when a worker cannot be instantiated, listing every such worker
     */
    public static WorkerRuntime create(BinderyConfig config, WorkerLoader loader,
            UnaryOperator<String> environment, Clock clock) {
        Limits limits = config.limits();
        var tasks = new BackgroundTasks(limits.backgroundTaskTimeout());
        var outbound = new OutboundFetch(limits.fetchConnectTimeout(), limits.fetchTimeout());
        var runtime = new WorkerRuntime(config, tasks, outbound);
        try {
            runtime.deploy(loader, environment, new KvStore(clock, limits.kvMaxEntries()));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** @return the dispatcher that serves incoming requests */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** @return the configuration this runtime was deployed from */
    public BinderyConfig config() {
        return config;
    }

    /** @return route pattern to worker name, for every route */
    public Map<String, String> routes() {
        return routes.all();
    }

    /**
     * Returns the largest request body any request may have: the top-level limit or a
     * larger one of an entry worker; what Helidon enforces before routing.
     *
     * @return bytes
     */
    public long maxRequestBodySize() {
        long max = config.limits().maxRequestBodySize();
        for (WorkerSpec spec : config.workers()) {
            Long own = spec.limits().maxRequestBodySize();
            max = own == null ? max : Math.max(max, own);
        }
        return max;
    }

    /** @return the registry of background tasks */
    public BackgroundTasks backgroundTasks() {
        return tasks;
    }

    /**
     * Waits for background tasks up to the grace period, cancels the rest, and closes the
     * outbound HTTP client.
     *
     * @param grace how long to wait for background tasks
     * @return {@code true} when every background task ended in time
     * @throws InterruptedException when the calling thread is interrupted
     */
    public boolean shutdown(Duration grace) throws InterruptedException {
        try {
            return tasks.shutdown(grace);
        } finally {
            outbound.close();
        }
    }

    /** Cancels background tasks at once and closes the outbound HTTP client. */
    @Override
    public void close() {
        tasks.close();
        outbound.close();
    }

    private void deploy(WorkerLoader loader, UnaryOperator<String> environment, KvStore kv) {
        Map<String, Worker> instances = instantiate(loader);
        Map<String, String> accounts = new HashMap<>();
        config.workers().forEach(spec -> accounts.put(spec.name(), spec.account()));
        var deployed = new LinkedHashMap<String, DeployedWorker>();
        for (WorkerSpec spec : config.workers()) {
            var env = new WorkerEnv(spec.name(), stubs(spec, accounts), spec.vars(),
                    secrets(spec, environment), namespaces(spec, kv));
            deployed.put(spec.name(), new DeployedWorker(spec.name(), spec.account(),
                    instances.get(spec.name()), env, loader.loaderFor(spec.jar())));
        }
        invoker.deploy(deployed);
        deployed.values().forEach(worker -> worker.worker().start(worker.env()));
    }

    private Map<String, Worker> instantiate(WorkerLoader loader) {
        var instances = new HashMap<String, Worker>();
        var errors = new ArrayList<ConfigError>();
        for (WorkerSpec spec : config.workers()) {
            try {
                Worker worker = loader.instantiate(loader.load(spec.className(), spec.jar()));
                instances.put(spec.name(), worker);
            } catch (WorkerLoadException e) {
                errors.add(spec.origin().error("class", e.problem(), e.fix()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(config.source(), errors);
        }
        return instances;
    }

    private Map<String, ServiceBinding> stubs(WorkerSpec spec, Map<String, String> accounts) {
        var stubs = new HashMap<String, ServiceBinding>();
        spec.bindings().forEach((name, target) -> stubs.put(name, new ServiceBindingStub(name,
                spec.name(), target, accounts.get(target), invoker)));
        return stubs;
    }

    private static Map<String, String> secrets(WorkerSpec spec,
            UnaryOperator<String> environment) {
        var secrets = new HashMap<String, String>();
        spec.secrets().forEach((name, variable) -> {
            String value = environment.apply(variable);
            if (value == null) {
                throw new ConfigException(spec.origin().source(), List.of(spec.origin().error(
                        "secrets." + name, "the environment variable " + variable
                                + " is not set", "export " + variable + "=... before starting")));
            }
            secrets.put(name, value);
        });
        return secrets;
    }

    private static Map<String, KvNamespace> namespaces(WorkerSpec spec, KvStore kv) {
        var namespaces = new HashMap<String, KvNamespace>();
        spec.kv().forEach((name, id) -> namespaces.put(name, kv.namespace(id)));
        return namespaces;
    }

    private static Map<String, RequestLimits> limitTable(BinderyConfig config) {
        var table = new HashMap<String, RequestLimits>();
        config.workers().forEach(spec -> table.put(spec.name(),
                RequestLimits.forEntry(config.limits(), spec)));
        return table;
    }

    private static Map<String, String> routeTable(BinderyConfig config) {
        var table = new LinkedHashMap<String, String>();
        config.workers().forEach(spec -> spec.routes().forEach(route ->
                table.put(route, spec.name())));
        return table;
    }
}
