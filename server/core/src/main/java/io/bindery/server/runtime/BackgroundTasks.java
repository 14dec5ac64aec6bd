package io.bindery.server.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts, times and awaits the background tasks of all requests.
 *
 * <p>Each task runs on a new virtual thread. A request's tasks may run until its
 * {@code backgroundTaskTimeout} has passed since its response ({@link #responded}); then the
 * ones still running are interrupted and logged as cancelled, and tasks the request registers
 * later are cancelled at once. {@link #shutdown} waits for the running tasks up to a deadline,
 * then cancels the rest. Thread-safe.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(BackgroundTasks.class.getName());

    private final Duration timeout;
    private final Set<TrackedTask> running = ConcurrentHashMap.newKeySet();
    private final Map<RequestScope, Batch> batches = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private volatile boolean closed;

    BackgroundTasks(Duration timeout) {
        this.timeout = timeout;
        this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "bindery-background-watchdog");
            thread.setDaemon(true);
            thread.setContextClassLoader(BackgroundTasks.class.getClassLoader());
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * Returns the time tasks may run after their request's response, for requests whose
     * entry worker does not set its own.
     *
     * @return the top-level {@code limits.backgroundTaskTimeout}
     */
    public Duration timeout() {
        return timeout;
    }

    /** @return the number of tasks that are running now */
    public int active() {
        return running.size();
    }

    /** @return the number of tasks started since the server started */
    public long started() {
        return started.get();
    }

    /** @return the number of tasks cancelled since the server started */
    public long cancelled() {
        return cancelled.get();
    }

    /**
     * Waits for running tasks until the deadline, then cancels those still running.
     *
     * @param grace how long to wait
     * @return {@code true} when every task ended within the time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean shutdown(Duration grace) throws InterruptedException {
        closed = true;
        boolean done = awaitIdle(grace);
        if (!done) {
            List.copyOf(running).forEach(task -> cancel(task, "the server is shutting down "
                    + "and its grace period (server.shutdownGrace, " + LimitErrors.format(grace)
                    + ") is over"));
        }
        watchdog.shutdownNow();
        return done;
    }

    /** Cancels every running task at once and stops the watchdog. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(running).forEach(task -> cancel(task, "the server closed"));
        watchdog.shutdownNow();
    }

    /**
     * Waits until no task is running.
     *
     * @param maxWait how long to wait at most
     * @return {@code true} when no task is running
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitIdle(Duration maxWait) throws InterruptedException {
        long remaining = maxWait.toNanos();
        lock.lock();
        try {
            while (!running.isEmpty() && remaining > 0) {
                remaining = idle.awaitNanos(remaining);
            }
            return running.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the clock of a request's background tasks: called when its response is ready.
     *
     * @param scope the request
     */
    void responded(RequestScope scope) {
        scope.markResponded(System.nanoTime());
        Batch batch = batches.get(scope);
        if (batch != null) {
            schedule(batch);
        }
    }

    void start(TrackedTask task) {
        Thread thread = Thread.ofVirtual()
                .name("bindery-background-" + task.worker() + "-" + started.incrementAndGet())
                .unstarted(task);
        task.attach(thread);
        running.add(task);
        RequestScope scope = task.scope();
        Batch batch = batches.compute(scope, (key, existing) -> {
            Batch joined = existing == null ? new Batch(key) : existing;
            joined.tasks.add(task);
            return joined;
        });
        if (closed) {
            cancel(task, "it was registered after the server began to shut down");
        } else if (!task.holdsSnapshot()) {
            cancel(task, "it was registered after its request ended and the worker version "
                    + "it belongs to was replaced; register tasks while the request runs");
        } else if (batch.expired || scope.responded() && remainingNanos(scope) <= 0) {
            cancel(task, overdue(scope));
        } else if (scope.responded()) {
            schedule(batch);
        }
        thread.start();
    }

    void finished(TrackedTask task) {
        running.remove(task);
        batches.computeIfPresent(task.scope(), (scope, batch) -> {
            batch.tasks.remove(task);
            if (!batch.tasks.isEmpty()) {
                return batch;
            }
            Future<?> timer = batch.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            return null;
        });
        LOGGER.log(Level.DEBUG, () -> "Background task ended: " + task);
        signalIfIdle();
    }

    private void schedule(Batch batch) {
        if (batch.scheduled.compareAndSet(false, true)) {
            batch.timer = watchdog.schedule(() -> expire(batch.scope),
                    Math.max(0, remainingNanos(batch.scope)), TimeUnit.NANOSECONDS);
        }
    }

    private void expire(RequestScope scope) {
        var overdue = new java.util.ArrayList<TrackedTask>();
        batches.computeIfPresent(scope, (key, batch) -> {
            batch.expired = true;
            overdue.addAll(batch.tasks);
            return batch;
        });
        String reason = overdue(scope);
        overdue.forEach(task -> cancel(task, reason));
    }

    private void cancel(TrackedTask task, String reason) {
        if (task.cancel(reason)) {
            cancelled.incrementAndGet();
        }
    }

    private long remainingNanos(RequestScope scope) {
        return scope.respondedAt() + timeout(scope).toNanos() - System.nanoTime();
    }

    private Duration timeout(RequestScope scope) {
        RequestLimits limits = scope.limits();
        return limits == null ? timeout : limits.backgroundTaskTimeout();
    }

    private String overdue(RequestScope scope) {
        RequestLimits limits = scope.limits();
        String key = limits == null ? "limits.backgroundTaskTimeout"
                : limits.configKey(Limit.BACKGROUND_TASK_TIMEOUT);
        String how = limits == null ? "raise limits.backgroundTaskTimeout in the configuration"
                : limits.howToRaise(Limit.BACKGROUND_TASK_TIMEOUT);
        return "it ran longer than " + LimitErrors.format(timeout(scope)) + " after the "
                + "response (" + key + "); finish background work sooner, or " + how;
    }

    private void signalIfIdle() {
        lock.lock();
        try {
            if (running.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The live background tasks of one request, and the timer that cancels them. */
    private static final class Batch {
        final RequestScope scope;
        final Set<TrackedTask> tasks = ConcurrentHashMap.newKeySet();
        final AtomicBoolean scheduled = new AtomicBoolean();
        volatile Future<?> timer;
        volatile boolean expired;

        Batch(RequestScope scope) {
            this.scope = scope;
        }
    }
}
