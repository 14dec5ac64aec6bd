package io.bindery.server.runtime;

import io.bindery.worker.BackgroundTask;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one background task registered with {@code ctx.waitUntil}, on a virtual thread of its
 * own, for the request that registered it.
 *
 * <p>Constructed on the registering worker's thread; {@link #run()} is called exactly once, on
 * the background thread, even when the task was cancelled before it started (it then returns
 * at once). A task that outlives its time limit is interrupted and logged as cancelled, and
 * {@code run()} then reports a {@link TaskCancelledException} (message {@code cancelled}) as
 * its failure, whether the task threw on the interrupt or returned; the Bindery agent records
 * that failure on the task's background span. Other failures are logged with the worker's
 * name and otherwise ignored.
 */
public final class TrackedTask implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(TrackedTask.class.getName());

    private final String worker;
    private final String account;
    private final int version;
    private final BackgroundTask task;
    private final RequestScope scope;
    private final ClassLoader loader;
    private final BackgroundTasks owner;
    private final Deployment held;
    private volatile boolean cancelled;
    private volatile String cancelReason;
    private final AtomicBoolean cancelling = new AtomicBoolean();
    private volatile Thread thread;

    /**
     * Creates a task on the registering worker's thread.
     *
     * @param worker the version of the worker that registered the task
     * @param task the work to run
     * @param scope the request the task belongs to
     * @param owner the registry that starts, times and awaits the task
     * @param held the request's snapshot, held for the task and released when it ends;
     *     {@code null} when the snapshot had drained already (the task is then refused)
     */
    TrackedTask(DeployedWorker worker, BackgroundTask task, RequestScope scope,
            BackgroundTasks owner, Deployment held) {
        this.worker = worker.name();
        this.account = worker.account();
        this.version = worker.version();
        this.task = Objects.requireNonNull(task, "task");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.loader = worker.loader();
        this.owner = Objects.requireNonNull(owner, "owner");
        this.held = held;
    }

    /** Runs the task on the background thread; returns at once if it was cancelled. */
    @Override
    public void run() {
        thread = Thread.currentThread();
        CurrentScope.Entry previous = CurrentScope.enter(scope, true);
        thread.setContextClassLoader(loader);
        try {
            if (!cancelled) {
                task.run();
            }
            if (cancelled) {
                failed(new TaskCancelledException(cancelReason, null));
            }
        } catch (Exception e) {
            failed(cancelled ? new TaskCancelledException(cancelReason, e) : e);
        } finally {
            CurrentScope.restore(previous);
            owner.finished(this);
            if (held != null) {
                held.release();
            }
        }
    }

    /** @return the name of the worker that registered the task */
    public String worker() {
        return worker;
    }

    /** @return the deployed version of the worker that registered the task */
    public int version() {
        return version;
    }

    /** @return whether the task holds its request's snapshot; tasks that do not are refused */
    boolean holdsSnapshot() {
        return held != null;
    }

    /** @return the account of the worker that registered the task */
    public String account() {
        return account;
    }

    /** @return the request the task belongs to */
    public RequestScope scope() {
        return scope;
    }

    /** @return {@code true} once the task has been cancelled */
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return "TrackedTask[worker=" + worker + ", request=" + scope.requestId() + "]";
    }

    /** Cancels the task; returns {@code false} when it was cancelled already. */
    boolean cancel(String reason) {
        if (!cancelling.compareAndSet(false, true)) {
            return false;
        }
        cancelReason = reason;
        cancelled = true;
        LOGGER.log(Level.WARNING, () -> "Background task of worker '" + worker + "' (request "
                + scope.requestId() + ") cancelled: " + reason);
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        return true;
    }

    void attach(Thread backgroundThread) {
        this.thread = backgroundThread;
    }

    private void failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof TaskCancelledException cancel) {
            LOGGER.log(Level.DEBUG, () -> "Cancelled background task of worker '" + worker
                    + "' (request " + scope.requestId() + ") ended"
                    + (cancel.getCause() == null ? "" : " with " + cancel.getCause()));
            return;
        }
        LOGGER.log(Level.WARNING, () -> "Background task of worker '" + worker + "' (request "
                + scope.requestId() + ") failed", e);
    }
}
