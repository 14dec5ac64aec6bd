package io.bindery.server.runtime;

import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigError;
import io.bindery.server.config.ConfigException;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.config.Limits;
import io.bindery.server.config.WorkerSpec;
import io.bindery.server.deploy.DeployRejectedException;
import io.bindery.server.deploy.RetiredVersion;
import io.bindery.server.deploy.VersionSource;
import io.bindery.server.deploy.WorkerVersion;
import io.bindery.worker.Env;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.ServiceBinding;
import io.bindery.worker.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.jar.JarFile;

/**
 * Deploys the workers of a configuration and wires them together: instances, environments,
 * service bindings, key-value namespaces, background tasks, outbound fetch and routes; then
 * replaces one worker at a time while requests run.
 *
 * <p>Everything deployed is one immutable {@link Deployment} snapshot. {@link #activate}
 * validates a new version of a worker (its entry, class, bindings, routes and
 * {@code start(env)}), then swaps the snapshot atomically: requests that started before go on
 * with the versions they started with, bindings and background tasks included; new requests
 * get the new version. A refused version changes nothing. The replaced version's class loader
 * is closed when its last request or background task ends; {@link #retired()} shows that, and
 * when the loader has been garbage-collected.
 *
 * <p>Thread-safe once created; activations are serialized. {@link #shutdown(Duration)} waits
 * for background tasks and releases the outbound HTTP client.
 */
public final class WorkerRuntime implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(WorkerRuntime.class.getName());

    private final BinderyConfig config;
    private final WorkerLoader loader;
    private final ConfigLoader versions;
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final KvStore kv;
    private final BackgroundTasks tasks;
    private final OutboundFetch outbound;
    private final WorkerInvoker invoker;
    private final Dispatcher dispatcher;
    private final Retirements retirements;
    private final ReentrantLock activations = new ReentrantLock();

    private WorkerRuntime(BinderyConfig config, WorkerLoader loader,
            UnaryOperator<String> environment, Clock clock) {
        Limits limits = config.limits();
        this.config = config;
        this.loader = loader;
        this.versions = ConfigLoader.create(loader, environment, System::getProperty);
        this.environment = environment;
        this.clock = clock;
        this.kv = new KvStore(clock, limits.kvMaxEntries());
        this.tasks = new BackgroundTasks(limits.backgroundTaskTimeout());
        this.outbound = new OutboundFetch(limits.fetchConnectTimeout(), limits.fetchTimeout());
        this.invoker = new WorkerInvoker(tasks, outbound);
        this.dispatcher = new Dispatcher(invoker, tasks);
        this.retirements = new Retirements(loader, clock, invoker::current);
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
     * @param clock the clock of key-value expiry and of activation times
     * @return the runtime
     * @throws ConfigException when a worker cannot be instantiated, listing every such worker
     */
    public static WorkerRuntime create(BinderyConfig config, WorkerLoader loader,
            UnaryOperator<String> environment, Clock clock) {
        var runtime = new WorkerRuntime(config, loader, environment, clock);
        try {
            runtime.deployConfigured();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /**
     * Validates a new version of a worker and, when it passes, makes it serve new requests
     * in one atomic switch. Requests that started before finish on the versions they started
     * with. A new worker name adds a worker.
     *
     * <p>Validation: the entry's fields (as in the configuration file), its bindings name
     * deployed workers, its routes are claimed by no other worker, the jar opens, the class
     * loads from it and is a {@code Worker} or {@code WorkerFactory} that can be
     * instantiated, the typed bindings other workers use into this worker still pair with it,
     * and its {@code start(env)} returns normally.
     *
     * @param source the version's entry and jar
     * @return the version now active
     * @throws DeployRejectedException naming every problem; nothing changed
     */
    public WorkerVersion activate(VersionSource source) {
        activations.lock();
        try {
            return switchTo(candidate(source));
        } catch (DeployRejectedException e) {
            logRefusal(e);
            throw e;
        } finally {
            activations.unlock();
        }
    }

    /**
     * Validates a version as {@link #activate} does, but for its {@code start(env)}, which
     * runs only when it is activated, and changes nothing: for a version stored now and
     * activated later. Its class is loaded and instantiated in a class loader of its own,
     * closed again before this returns.
     *
     * @param source the version's entry and jar
     * @throws DeployRejectedException naming every problem
     */
    public void check(VersionSource source) {
        activations.lock();
        try {
            Candidate candidate = candidate(source);
            try {
                Deployment current = invoker.current();
                DeployedWorker next = validate(candidate, current);
                checkCallers(next, current.with(next), candidate);
            } finally {
                release(candidate.loader());
            }
        } catch (DeployRejectedException e) {
            logRefusal(e);
            throw e;
        } finally {
            activations.unlock();
        }
    }

    /**
     * Makes the configuration file's entry of a worker (version 0) serve new requests again,
     * validated as {@link #activate} validates an upload.
     *
     * @param worker the worker's name
     * @return the version now active
     * @throws DeployRejectedException when the configuration file has no such worker, or the
     *     entry does not validate now; nothing changed
     */
    public WorkerVersion activateConfigured(String worker) {
        activations.lock();
        try {
            return switchTo(configured(worker));
        } catch (DeployRejectedException e) {
            logRefusal(e);
            throw e;
        } finally {
            activations.unlock();
        }
    }

    /**
     * Returns the versions that serve new requests.
     *
     * @return one per worker, in configuration order, added workers last
     */
    public List<WorkerVersion> active() {
        return invoker.current().workers().values().stream().map(WorkerRuntime::describe)
                .toList();
    }

    /**
     * Returns the entries of the versions that serve now: the configuration file's, or the
     * uploaded entry of a deployed version.
     *
     * @return worker name to entry, in the order of {@link #active()}
     */
    public Map<String, WorkerSpec> activeEntries() {
        var entries = new LinkedHashMap<String, WorkerSpec>();
        invoker.current().workers().forEach((name, worker) -> entries.put(name, worker.spec()));
        return entries;
    }

    /**
     * Returns the replaced versions: requests still running on them, and whether their class
     * loaders have been closed and collected.
     *
     * @return newest first, at most the last 50 (older ones only once closed)
     */
    public List<RetiredVersion> retired() {
        return retirements.list();
    }

    /** @return the dispatcher that serves incoming requests */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** @return the configuration this runtime was deployed from */
    public BinderyConfig config() {
        return config;
    }

    /** @return route pattern to worker name, for every route of the active versions */
    public Map<String, String> routes() {
        return invoker.current().routes().all();
    }

    /**
     * Returns the largest request body any request may have: the top-level limit or a
     * larger one of an entry worker of the configuration file; what Helidon enforces before
     * routing.
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

    private void deployConfigured() {
        var deployed = new LinkedHashMap<String, DeployedWorker>();
        var errors = new ArrayList<ConfigError>();
        Instant now = clock.instant();
        for (WorkerSpec spec : config.workers()) {
            try {
                Worker worker = loader.instantiate(loader.load(spec.className(), spec.jar()));
                deployed.put(spec.name(), new DeployedWorker(spec, 0,
                        WorkerVersion.CONFIG_LABEL, null, now, worker, env(spec),
                        loader.loaderFor(spec.jar())));
            } catch (WorkerLoadException e) {
                errors.add(spec.origin().error("class", e.problem(), e.fix()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(config.source(), errors);
        }
        var snapshot = new Deployment(deployed, RequestLimits.global(config.limits()));
        invoker.stage(snapshot);
        try {
            deployed.values().forEach(worker -> worker.worker().start(worker.env()));
        } finally {
            invoker.stage(null);
        }
        invoker.publish(snapshot);
    }

    private Candidate candidate(VersionSource source) {
        String where = source.worker() + " version " + source.version();
        Set<String> names = new LinkedHashSet<>(invoker.current().workers().keySet());
        names.add(source.worker());
        WorkerSpec spec;
        try {
            spec = versions.loadVersion(where, source.configYaml(), source.worker(),
                    source.jar(), names);
        } catch (ConfigException e) {
            throw refused(source.worker(), source.version(), e.errors());
        }
        String label = source.label() == null ? "" : source.label();
        String sha256 = readJar(source.worker(), source.version(), source.jar());
        return new Candidate(spec, source.version(), label, sha256,
                loader.versionLoader(source.jar(), "worker:" + source.worker() + "@v"
                        + source.version()));
    }

    private Candidate configured(String worker) {
        WorkerSpec spec = config.workers().stream().filter(w -> w.name().equals(worker))
                .findFirst().orElseThrow(() -> refused(worker, 0, List.of(new ConfigError(
                        worker + " version 0", 0, 0, "name", "the worker '" + worker + "' has "
                                + "no entry in the configuration file " + config.source(),
                        "activate one of its uploaded versions instead"))));
        String name = spec.jar() == null ? null
                : "worker-jar:" + spec.jar().getFileName() + "@v0";
        return new Candidate(spec, 0, WorkerVersion.CONFIG_LABEL, null,
                loader.versionLoader(spec.jar(), name));
    }

    private WorkerVersion switchTo(Candidate candidate) {
        long start = System.nanoTime();
        WorkerSpec spec = candidate.spec();
        Deployment current = invoker.current();
        DeployedWorker next;
        Deployment snapshot;
        try {
            next = validate(candidate, current);
            snapshot = current.with(next);
            checkCallers(next, snapshot, candidate);
            start(next, snapshot, candidate);
        } catch (DeployRejectedException e) {
            release(candidate.loader());
            throw e;
        }
        invoker.publish(snapshot);
        DeployedWorker replaced = current.workers().get(spec.name());
        log(next, replaced, start);
        retirements.retire(current, replaced);
        return describe(next);
    }

    private DeployedWorker validate(Candidate candidate, Deployment current) {
        var errors = new ArrayList<ConfigError>();
        checkRoutes(candidate, current, errors);
        Worker worker = null;
        Env env = null;
        WorkerSpec spec = candidate.spec();
        try {
            worker = inContext(candidate.loader(), () -> loader.instantiate(
                    loader.load(spec.className(), spec.jar(), candidate.loader())));
            env = env(spec);
        } catch (WorkerLoadException e) {
            errors.add(candidate.error("class", e.problem(), e.fix()));
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(candidate.error(error.path(),
                    error.problem(), error.fix())));
        } catch (RuntimeException | LinkageError e) {
            errors.add(candidate.error("class", "creating " + spec.className() + " failed: "
                    + e, "make its constructor, or its factory's create(), succeed"));
        }
        if (!errors.isEmpty()) {
            throw refused(candidate.spec().name(), candidate.version(), errors);
        }
        return new DeployedWorker(candidate.spec(), candidate.version(), candidate.label(),
                candidate.sha256(), clock.instant(), worker, env, candidate.loader());
    }

    private static void checkRoutes(Candidate candidate, Deployment current,
            List<ConfigError> errors) {
        Map<String, String> owners = current.routes().all();
        String name = candidate.spec().name();
        for (String route : candidate.spec().routes()) {
            String owner = owners.get(route);
            if (owner != null && !owner.equals(name)) {
                errors.add(candidate.error("routes", "the route '" + route + "' is claimed by "
                        + "worker '" + owner + "'", "choose another route, or first deploy a "
                        + "version of '" + owner + "' without it"));
            }
        }
    }

    /**
     * Checks that the typed bindings other workers use into this worker still pair with the
     * new version: it serves the same interfaces and methods, with types that can cross.
     */
    private static void checkCallers(DeployedWorker next, Deployment snapshot,
            Candidate candidate) {
        var errors = new ArrayList<ConfigError>();
        for (DeployedWorker caller : snapshot.workers().values()) {
            if (!(caller.env() instanceof WorkerEnv env) || caller == next) {
                continue;
            }
            for (ServiceBindingStub stub : env.stubs()) {
                if (!stub.target().equals(next.name())) {
                    continue;
                }
                try {
                    stub.pairAll(snapshot);
                } catch (IllegalArgumentException e) {
                    errors.add(candidate.error("class", "typed calls of worker '"
                            + caller.name() + "' through binding '" + stub.name()
                            + "' would break: " + clause(e.getMessage()), "keep serving the "
                            + "interfaces and methods its callers use, or first deploy "
                            + "callers that no longer use them"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw refused(next.name(), next.version(), errors);
        }
    }

    /** Runs the new version's {@code start(env)}, with the candidate snapshot visible. */
    private void start(DeployedWorker next, Deployment snapshot, Candidate candidate) {
        invoker.stage(snapshot);
        try {
            inContext(next.loader(), () -> {
                next.worker().start(next.env());
                return next;
            });
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.DEBUG, "start(env) of worker '" + next.name() + "' version "
                    + next.version() + " failed", e);
            throw refused(next.name(), next.version(), List.of(candidate.error("class",
                    "start(env) of " + next.spec().className() + " threw " + e,
                    "make start(env) succeed with this entry's bindings, vars and secrets")));
        } finally {
            invoker.stage(null);
        }
    }

    /** Runs worker code with the worker's class loader as the context class loader. */
    private static <T> T inContext(ClassLoader workerLoader, Supplier<T> code) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(workerLoader);
        try {
            return code.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void release(ClassLoader versionLoader) {
        try {
            loader.release(versionLoader);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "The jar of a refused version could not be closed", e);
        }
    }

    private void log(DeployedWorker next, DeployedWorker replaced, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String label = next.label().isEmpty() ? "" : " (" + next.label() + ")";
        String before = replaced == null ? "a new worker"
                : "replaces version " + replaced.version();
        LOGGER.log(Level.INFO, "Worker '" + next.name() + "' version " + next.version() + label
                + " active after " + millis + " ms of validation: " + before + ", routes "
                + next.spec().routes() + ", class " + next.spec().className());
    }

    /** Drops the final period of a sentence, to use it as an error's clause. */
    private static String clause(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private void logRefusal(DeployRejectedException e) {
        DeployedWorker serving = invoker.current().workers().get(e.worker());
        String keeps = serving == null ? "the worker is not deployed"
                : "version " + serving.version() + " keeps serving";
        int count = e.errors().size();
        LOGGER.log(Level.WARNING, "Worker '" + e.worker() + "' version " + e.version()
                + " refused, " + keeps + "; " + count + (count == 1 ? " problem: " : " problems: ")
                + e.errors().stream().map(ConfigError::render).collect(Collectors.joining(" | ")));
    }

    private static DeployRejectedException refused(String worker, int version,
            List<ConfigError> errors) {
        return new DeployRejectedException(worker, version, errors);
    }

    private static WorkerVersion describe(DeployedWorker worker) {
        return new WorkerVersion(worker.name(), worker.version(), worker.label(),
                worker.sha256(), worker.spec().className(), worker.spec().routes(),
                worker.activatedAt());
    }

    private Env env(WorkerSpec spec) {
        return new WorkerEnv(spec.name(), stubs(spec), spec.vars(), secrets(spec, environment),
                namespaces(spec, kv));
    }

    private Map<String, ServiceBinding> stubs(WorkerSpec spec) {
        var stubs = new HashMap<String, ServiceBinding>();
        spec.bindings().forEach((name, target) -> stubs.put(name,
                new ServiceBindingStub(name, spec.name(), target, invoker)));
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

    /** Checks that the jar opens as a jar and returns its SHA-256 in hex. */
    private static String readJar(String worker, int version, Path jar) {
        try (var opened = new JarFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw refused(worker, version, List.of(new ConfigError(worker + " version "
                    + version, 0, 0, "jar", "the jar " + jar.getFileName() + " cannot be read "
                    + "as a jar: " + e, "upload the jar your build wrote (a zip file with "
                    + "the worker's classes)")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256.", e);
        }
    }

    /** A version about to be validated, with the class loader made for it. */
    private record Candidate(WorkerSpec spec, int version, String label, String sha256,
            ClassLoader loader) {

        ConfigError error(String field, String problem, String fix) {
            return new ConfigError(spec.name() + " version " + version, 0, 0, field, problem,
                    fix);
        }
    }
}
