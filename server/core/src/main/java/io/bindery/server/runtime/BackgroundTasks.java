package io.bindery.server.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts, times and awaits the background tasks of all requests.
 *
 * <p>Each task runs on a new virtual thread. A task still running when its time limit has
 * passed since registration is interrupted and logged as cancelled. {@link #shutdown} waits
 * for the running tasks up to a deadline, then cancels the rest. Thread-safe.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(BackgroundTasks.class.getName());

    private final Duration timeout;
    private final Map<TrackedTask, Future<?>> running = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private final AtomicLong started = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private volatile boolean closed;

    BackgroundTasks(Duration timeout) {
        this.timeout = timeout;
        this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "bindery-background-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** @return the time a task may run after its registration before it is cancelled */
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
            List.copyOf(running.keySet()).forEach(task -> task.cancel(
                    "the server is shutting down and the grace period of " + grace + " is over"));
        }
        watchdog.shutdownNow();
        return done;
    }

    /** Cancels every running task at once and stops the watchdog. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(running.keySet()).forEach(task -> task.cancel("the server closed"));
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

    void start(TrackedTask task) {
        Thread thread = Thread.ofVirtual()
                .name("bindery-background-" + task.worker() + "-" + started.incrementAndGet())
                .unstarted(task);
        task.attach(thread);
        if (closed) {
            task.cancel("it was registered after the server began to shut down");
            running.put(task, new java.util.concurrent.CompletableFuture<>());
        } else {
            running.put(task, watchdog.schedule(() -> task.cancel("it ran longer than "
                    + "limits.backgroundTaskTimeout (" + timeout + ")"),
                    timeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        thread.start();
    }

    void finished(TrackedTask task) {
        Future<?> timer = running.remove(task);
        if (timer != null) {
            timer.cancel(false);
        }
        LOGGER.log(Level.DEBUG, () -> "Background task ended: " + task);
        lock.lock();
        try {
            if (running.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
