package io.bindery.server.deploy.service;

import io.bindery.ledger.DeployAction;
import io.bindery.ledger.DeployEvent;
import io.bindery.ledger.DeployStore;
import io.bindery.ledger.StoredVersion;
import io.bindery.server.config.ConfigError;
import io.bindery.server.deploy.DeployRejectedException;
import io.bindery.server.deploy.RetiredVersion;
import io.bindery.server.deploy.VersionSource;
import io.bindery.server.deploy.WorkerVersion;
import io.bindery.server.runtime.WorkerRuntime;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deploys, activates and rolls back single workers of a running server, and remembers it:
 * every version is stored in the {@link DeployStore} (the ledger's database) before it is
 * activated, its jar is cached under the data folder for its class loader
 * ({@link JarCache}), and every activation, rollback and refusal is recorded with its actor.
 * {@link #restore()} applies the recorded active versions when a server starts, and
 * {@link #follow(Duration)} applies those that other nodes on the same database record
 * while it runs.
 *
 * <p>A version that does not validate is refused by the runtime with every error; the
 * refusal is recorded and the version that served keeps serving. Changes are serialized;
 * reads may run at any time. Thread-safe.
 */
public final class DeployService implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(DeployService.class.getName());
    private static final int HISTORY_SCAN = 1_000;

    private final WorkerRuntime runtime;
    private final DeployStore store;
    private final JarCache jars;
    private final Map<String, Long> seen = new HashMap<>();
    private volatile Thread follower;

    private DeployService(WorkerRuntime runtime, DeployStore store, JarCache jars) {
        this.runtime = runtime;
        this.store = store;
        this.jars = jars;
    }

    /**
     * Creates the service.
     *
     * @param runtime the runtime whose workers it deploys
     * @param store where versions and events are kept
     * @param jars where jars are cached for their class loaders
     * @return the service
     */
    public static DeployService create(WorkerRuntime runtime, DeployStore store,
            JarCache jars) {
        return new DeployService(runtime, store, jars);
    }

    /**
     * Stores a new version and, when asked, activates it; a version stored without
     * activation is validated all the same, but for its {@code start(env)}.
     *
     * @param upload the version
     * @param actor who uploads it
     * @return the stored version and, when activated, the activation
     * @throws VersionRefusedException when the version does not validate (it stays stored,
     *     marked refused; nothing else changed)
     */
    public synchronized Uploaded upload(Upload upload, String actor) {
        StoredVersion stored = store.store(upload.worker(), upload.label(),
                upload.configYaml(), upload.jar(), actor);
        LOGGER.log(Level.INFO, "Deploy: " + actor + " stored " + describe(stored) + " ("
                + stored.size() + " bytes)");
        if (!upload.activate()) {
            check(stored, actor);
            return new Uploaded(stored, null);
        }
        return new Uploaded(stored, switchTo(stored, actor, DeployAction.ACTIVATE));
    }

    /**
     * Activates a version: a stored one, or 0 for the configuration file's entry.
     *
     * @param worker the worker's name
     * @param version the version number
     * @param actor who activates it
     * @return the activation
     * @throws DeployConflictException when the worker or version does not exist
     * @throws VersionRefusedException when the version does not validate
     */
    public synchronized Activation activate(String worker, int version, String actor) {
        return activate(worker, version, actor, DeployAction.ACTIVATE);
    }

    /**
     * Activates the version that served before the active one (as {@code kubectl rollout
     * undo} does, a second rollback returns to where the first one started).
     *
     * @param worker the worker's name
     * @param actor who rolls back
     * @return the activation
     * @throws DeployConflictException when the worker is unknown or has no earlier version
     * @throws VersionRefusedException when the earlier version no longer validates
     */
    public synchronized Activation rollback(String worker, String actor) {
        int current = activeVersion(worker).version();
        int previous = store.history(worker, HISTORY_SCAN).stream()
                .filter(event -> event.action().activates() && event.version() != current)
                .mapToInt(DeployEvent::version).findFirst()
                .orElseGet(() -> current != 0 && configured(worker) ? 0 : -1);
        if (previous < 0) {
            throw new DeployConflictException(DeployConflictException.Kind.CONFLICT, worker
                    + " has no earlier version to roll back to (version " + current + " is "
                    + "the only one it has run); activate a version with POST /api/workers/"
                    + worker + "/versions/{n}/activate.");
        }
        return activate(worker, previous, actor, DeployAction.ROLLBACK);
    }

    /**
     * Applies the active version recorded for each worker, in the order they were activated;
     * called once at start, after the configuration file's workers are deployed. A version
     * that no longer validates is logged as an error and the configuration's entry serves.
     *
     * @return how many versions were applied
     */
    public synchronized int restore() {
        int applied = follow("restored");
        LOGGER.log(Level.INFO, "Deploy: restored " + applied + " recorded active versions "
                + "from " + store);
        return applied;
    }

    /**
     * Applies the activations that other nodes recorded since this node last looked, so
     * that nodes sharing a database serve the same versions. Each recorded activation is
     * tried once: one that does not validate here is logged as an error and left.
     *
     * @return how many versions were applied
     */
    public synchronized int sync() {
        return follow("applied");
    }

    /**
     * Calls {@link #sync()} every {@code interval} on a daemon thread until {@link #close()}.
     *
     * @param interval the time between two looks at the database
     */
    public void follow(Duration interval) {
        Thread thread = Thread.ofPlatform().daemon().name("bindery-deploy-sync")
                .start(() -> followLoop(interval));
        follower = thread;
        LOGGER.log(Level.INFO, "Deploy: following deploys of other nodes in " + store
                + " every " + interval.toMillis() + " ms");
    }

    /** Stops following other nodes' deploys; idempotent. */
    @Override
    public void close() {
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** @return every worker with its active version, in configuration order */
    public List<WorkerState> workers() {
        Map<String, DeployEvent> activations = store.active();
        Map<String, List<RetiredVersion>> retired = runtime.retired().stream()
                .collect(Collectors.groupingBy(RetiredVersion::worker));
        var states = new ArrayList<WorkerState>();
        for (WorkerVersion active : runtime.active()) {
            DeployEvent activation = activations.get(active.worker());
            boolean matches = activation != null && activation.version() == active.version();
            states.add(new WorkerState(active, matches ? activation : null,
                    store.versions(active.worker()).size(),
                    retired.getOrDefault(active.worker(), List.of())));
        }
        return states;
    }

    /**
     * Lists a worker's versions: 0 (the configuration's entry, when it has one) and every
     * stored version, oldest first.
     *
     * @param worker the worker's name
     * @return the versions
     * @throws DeployConflictException when the worker is neither served nor stored
     */
    public List<VersionState> versions(String worker) {
        List<StoredVersion> stored = store.versions(worker);
        WorkerVersion active = runtime.active().stream()
                .filter(version -> version.worker().equals(worker)).findFirst().orElse(null);
        if (active == null && stored.isEmpty()) {
            throw unknown(worker);
        }
        Map<Integer, DeployAction> last = lastOutcomes(worker);
        int activeNumber = active == null ? -1 : active.version();
        var states = new ArrayList<VersionState>();
        if (configured(worker)) {
            states.add(new VersionState(worker, 0, "config", null, 0, null, null,
                    status(0, activeNumber, last)));
        }
        for (StoredVersion v : stored) {
            states.add(new VersionState(worker, v.version(), v.label(), v.sha256(), v.size(),
                    v.createdBy(), v.createdAt(), status(v.version(), activeNumber, last)));
        }
        return states;
    }

    /**
     * Returns the deploy history of every worker, newest first.
     *
     * @param limit the most events returned
     * @return the events
     */
    public List<DeployEvent> history(int limit) {
        return store.history(null, limit);
    }

    @Override
    public String toString() {
        return "DeployService[" + store + ", " + jars + "]";
    }

    private Activation activate(String worker, int version, String actor,
            DeployAction action) {
        if (version == 0) {
            return switchToConfigured(worker, actor, action);
        }
        StoredVersion stored = store.version(worker, version).orElseThrow(() ->
                new DeployConflictException(DeployConflictException.Kind.NOT_FOUND, "No "
                        + "version " + version + " of " + worker + " is stored; list them with "
                        + "GET /api/workers/" + worker + "/versions."));
        return switchTo(stored, actor, action);
    }

    /** Validates a version stored without activation, as activating it would but for start. */
    private void check(StoredVersion stored, String actor) {
        try {
            runtime.check(source(stored));
        } catch (DeployRejectedException e) {
            throw refused(stored.worker(), stored.version(), actor, e);
        }
    }

    private Activation switchTo(StoredVersion stored, String actor, DeployAction action) {
        int previous = currentNumber(stored.worker());
        WorkerVersion active;
        try {
            active = runtime.activate(source(stored));
        } catch (DeployRejectedException e) {
            throw refused(stored.worker(), stored.version(), actor, e);
        }
        return activated(active, previous, actor, action);
    }

    private Activation switchToConfigured(String worker, String actor, DeployAction action) {
        if (!configured(worker)) {
            throw new DeployConflictException(DeployConflictException.Kind.NOT_FOUND, worker
                    + " has no entry in the configuration file, so it has no version 0; "
                    + "activate one of its stored versions instead.");
        }
        int previous = currentNumber(worker);
        WorkerVersion active;
        try {
            active = runtime.activateConfigured(worker);
        } catch (DeployRejectedException e) {
            throw refused(worker, 0, actor, e);
        }
        return activated(active, previous, actor, action);
    }

    private Activation activated(WorkerVersion active, int previous, String actor,
            DeployAction action) {
        DeployEvent event = store.record(active.worker(), active.version(), action, actor,
                "replaced version " + previous);
        seen.put(active.worker(), event.id());
        LOGGER.log(Level.INFO, "Deploy: " + actor + " " + (action == DeployAction.ROLLBACK
                ? "rolled " + active.worker() + " back to" : "activated " + active.worker())
                + " version " + active.version() + " (" + active.label() + "), replacing "
                + "version " + previous);
        return new Activation(active, previous);
    }

    private VersionRefusedException refused(String worker, int version, String actor,
            DeployRejectedException e) {
        var refusal = new VersionRefusedException(worker, version, currentNumber(worker), e);
        String errors = e.errors().stream().map(ConfigError::render)
                .collect(Collectors.joining("\n"));
        store.record(worker, version, DeployAction.REFUSED, actor, errors);
        LOGGER.log(Level.WARNING, "Deploy: " + actor + " tried " + refusal.getMessage()
                + ":\n" + errors);
        return refusal;
    }

    /** Applies every recorded activation newer than the last one seen per worker. */
    private int follow(String verb) {
        List<DeployEvent> recorded = store.active().values().stream()
                .sorted(Comparator.comparingLong(DeployEvent::id)).toList();
        int applied = 0;
        for (DeployEvent event : recorded) {
            if (event.id() > seen.getOrDefault(event.worker(), 0L)) {
                seen.put(event.worker(), event.id());
                if (currentNumber(event.worker()) != event.version() && apply(event, verb)) {
                    applied++;
                }
            }
        }
        return applied;
    }

    private boolean apply(DeployEvent event, String verb) {
        String what = event.worker() + " version " + event.version() + " (activated by "
                + event.actor() + " at " + event.at() + " on " + event.nodeId() + ")";
        try {
            WorkerVersion active = event.version() == 0
                    ? runtime.activateConfigured(event.worker())
                    : runtime.activate(source(store.version(event.worker(), event.version())
                            .orElseThrow(() -> new IllegalStateException("its row is gone"))));
            LOGGER.log(Level.INFO, "Deploy: " + verb + " " + what + ", label "
                    + active.label() + ", sha256 " + active.sha256());
            return true;
        } catch (DeployRejectedException e) {
            LOGGER.log(Level.ERROR, "Deploy: " + what + " does not validate on this node, "
                    + "so version " + currentNumber(event.worker()) + " keeps serving; fix it "
                    + "and deploy again:\n" + e.errors().stream().map(ConfigError::render)
                            .collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "Deploy: " + what + " cannot be applied on this node, so "
                    + "version " + currentNumber(event.worker()) + " keeps serving", e);
        }
        return false;
    }

    private void followLoop(Duration interval) {
        boolean failing = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval);
                sync();
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOGGER.log(Level.WARNING, "Deploy: cannot read other nodes' deploys from "
                            + store + "; retrying every " + interval.toMillis() + " ms", e);
                }
                failing = true;
            }
        }
    }

    private VersionSource source(StoredVersion stored) {
        var jar = jars.jar(stored, () -> store.jar(stored.worker(), stored.version()));
        return new VersionSource(stored.worker(), stored.version(), stored.label(),
                stored.configYaml(), jar);
    }

    private WorkerVersion activeVersion(String worker) {
        return runtime.active().stream().filter(version -> version.worker().equals(worker))
                .findFirst().orElseThrow(() -> unknown(worker));
    }

    private int currentNumber(String worker) {
        return runtime.active().stream().filter(version -> version.worker().equals(worker))
                .mapToInt(WorkerVersion::version).findFirst().orElse(-1);
    }

    private boolean configured(String worker) {
        return runtime.config().workers().stream().anyMatch(spec -> spec.name().equals(worker));
    }

    private Map<Integer, DeployAction> lastOutcomes(String worker) {
        var last = new HashMap<Integer, DeployAction>();
        for (DeployEvent event : store.history(worker, HISTORY_SCAN)) {
            if (event.action() != DeployAction.DEPLOY) {
                last.putIfAbsent(event.version(), event.action());
            }
        }
        return last;
    }

    private static String status(int version, int active, Map<Integer, DeployAction> last) {
        if (version == active) {
            return "active";
        }
        return last.get(version) == DeployAction.REFUSED ? "refused" : "inactive";
    }

    private static DeployConflictException unknown(String worker) {
        return new DeployConflictException(DeployConflictException.Kind.NOT_FOUND, "No worker "
                + "named '" + worker + "' is served or stored; list them with GET /api/workers.");
    }

    private static String describe(StoredVersion stored) {
        return stored.worker() + " version " + stored.version() + " (label " + stored.label()
                + ", sha256 " + stored.sha256() + ")";
    }

    /**
     * The result of an upload.
     *
     * @param stored the stored version
     * @param activation the activation, or {@code null} when it was not asked for
     */
    public record Uploaded(StoredVersion stored, Activation activation) {
    }
}
