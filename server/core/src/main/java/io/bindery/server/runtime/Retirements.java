package io.bindery.server.runtime;

import io.bindery.server.deploy.RetiredVersion;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Tracks replaced worker versions until their class loaders are gone: which retired
 * snapshots still have requests, when a version's last request ends (its class loader is
 * then closed), and when the garbage collector reclaims the loader.
 *
 * <p>A version is released once no live snapshot (the current one, or a retired one that
 * requests or background tasks still hold) contains it; its loader is closed once no live
 * snapshot uses that loader either (workers named from one jar in the configuration share
 * it). Keeps the newest {@value #KEPT} versions. Thread-safe.
 */
final class Retirements {

    private static final System.Logger LOGGER = System.getLogger(Retirements.class.getName());
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "bindery-loader-cleaner");
        thread.setDaemon(true);
        thread.setContextClassLoader(Retirements.class.getClassLoader());
        return thread;
    });
    private static final int KEPT = 50;

    private final WorkerLoader loader;
    private final Clock clock;
    private final Supplier<Deployment> current;
    private final List<Deployment> live = new ArrayList<>();
    private final Deque<Entry> entries = new ArrayDeque<>();

    Retirements(WorkerLoader loader, Clock clock, Supplier<Deployment> current) {
        this.loader = loader;
        this.clock = clock;
        this.current = current;
    }

    /**
     * Retires a snapshot that was current: it drains when its last holder lets go.
     *
     * @param snapshot the replaced snapshot
     * @param replaced the version of it that the new snapshot replaced; {@code null} when
     *     the activation added a worker
     */
    void retire(Deployment snapshot, DeployedWorker replaced) {
        synchronized (this) {
            live.add(snapshot);
            if (replaced != null) {
                add(new Entry(replaced, clock.instant()));
            }
        }
        snapshot.retire(() -> drained(snapshot));
    }

    /** @return the replaced versions, newest first */
    synchronized List<RetiredVersion> list() {
        var list = new ArrayList<RetiredVersion>();
        for (Entry entry : entries) {
            list.add(new RetiredVersion(entry.worker, entry.version, entry.retiredAt,
                    inFlight(entry), entry.closed, entry.loaderRef.refersTo(null)));
        }
        return list;
    }

    private void add(Entry entry) {
        entries.addFirst(entry);
        while (entries.size() > KEPT && entries.peekLast().closed) {
            entries.removeLast();
        }
    }

    private void drained(Deployment snapshot) {
        synchronized (this) {
            live.remove(snapshot);
            for (Entry entry : entries) {
                if (!entry.closed && !used(entry)) {
                    close(entry);
                }
            }
        }
    }

    private int inFlight(Entry entry) {
        if (entry.deployed == null) {
            return 0;
        }
        return live.stream().filter(s -> s.workers().get(entry.worker) == entry.deployed)
                .mapToInt(Deployment::holders).sum();
    }

    /**
     * Tells whether a live snapshot still runs a version, or another version that shares its
     * jar's class loader; workers on the server's class path share the server's loader, which
     * is never closed.
     */
    private boolean used(Entry entry) {
        var snapshots = new ArrayList<>(live);
        snapshots.add(current.get());
        ClassLoader classLoader = entry.deployed.loader();
        boolean jar = loader.loadsJar(classLoader);
        for (Deployment snapshot : snapshots) {
            for (DeployedWorker worker : snapshot.workers().values()) {
                if (worker == entry.deployed || jar && worker.loader() == classLoader) {
                    return true;
                }
            }
        }
        return false;
    }

    private void close(Entry entry) {
        ClassLoader classLoader = entry.deployed.loader();
        entry.deployed = null;
        entry.closed = true;
        entry.closedAt = clock.instant();
        boolean jar = closeJar(entry, classLoader);
        LOGGER.log(Level.INFO, () -> "Worker '" + entry.worker + "' version " + entry.version
                + " released " + seconds(entry.retiredAt, entry.closedAt) + " after it was "
                + "replaced, when no request ran on it any more" + (jar
                        ? "; class loader " + classLoader.getName() + " closed" : ""));
        if (jar) {
            CLEANER.register(classLoader, new Collected(entry, clock));
        }
    }

    /** Closes a version's jar loader; returns {@code false} for the server's own loader. */
    private boolean closeJar(Entry entry, ClassLoader classLoader) {
        try {
            return loader.release(classLoader);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Worker '" + entry.worker + "' version " + entry.version
                    + ": its jar could not be closed", e);
            return true;
        }
    }

    private static String seconds(Instant from, Instant to) {
        return String.format(Locale.ROOT, "%.1f s",
                Duration.between(from, to).toMillis() / 1000.0);
    }

    /** One replaced version; holds its worker until released, then only a weak reference. */
    private static final class Entry {
        final String worker;
        final int version;
        final Instant retiredAt;
        final WeakReference<ClassLoader> loaderRef;
        volatile DeployedWorker deployed;
        volatile boolean closed;
        volatile Instant closedAt;

        Entry(DeployedWorker deployed, Instant retiredAt) {
            this.worker = deployed.name();
            this.version = deployed.version();
            this.retiredAt = retiredAt;
            this.loaderRef = new WeakReference<>(deployed.loader());
            this.deployed = deployed;
        }
    }

    /** Logs that a version's loader was collected; must not refer to the loader. */
    private record Collected(Entry entry, Clock clock) implements Runnable {
        @Override
        public void run() {
            Instant now = clock.instant();
            LOGGER.log(Level.INFO, () -> "Worker '" + entry.worker + "' version "
                    + entry.version + ": class loader collected " + seconds(entry.closedAt, now)
                    + " after it was closed, " + seconds(entry.retiredAt, now)
                    + " after the version was replaced");
        }
    }
}
