package io.bindery.agent.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Carries the current request frame across threads: tasks handed to executors and new
 * platform and virtual threads.
 *
 * <p>Tasks are wrapped only while a frame is current and {@linkplain RequestFrame#handsOff()
 * hands off}; the wrapper makes the frame current
 * while the task runs and restores the previous one after. A started thread gets the frame of
 * the thread that started it, for its whole run. Threads that a pool or the JDK starts inside
 * an executor call (workers, carrier threads, selector threads) get nothing, since they outlive
 * the request: executor advice calls {@link #suspend()} around the submission.
 */
public final class Handoff {

    private static final ConcurrentHashMap<Thread, RequestFrame> STARTING =
            new ConcurrentHashMap<>();

    private Handoff() {
    }

    /**
     * Wraps a task so that it runs in the given frame; executor advice passes the frame that
     * {@link #suspend()} hid, so that the fast path costs one thread-local lookup.
     *
     * @param task the task; may be {@code null}
     * @param frame the frame to run it in, or {@code null} for none
     * @return the wrapper, or the task itself when there is no frame or it is wrapped already
     */
    public static Runnable wrap(Runnable task, RequestFrame frame) {
        if (frame == null || task == null || task instanceof ContextRunnable
                || !frame.handsOff() || isJdkScheduling(task)) {
            return task;
        }
        return new ContextRunnable(task, frame);
    }

    /**
     * Wraps a task so that it runs in the given frame.
     *
     * @param task the task; may be {@code null}
     * @param frame the frame to run it in, or {@code null} for none
     * @param <T> the task's result type
     * @return the wrapper, or the task itself when there is no frame or it is wrapped already
     */
    public static <T> Callable<T> wrap(Callable<T> task, RequestFrame frame) {
        if (frame == null || task == null || task instanceof ContextCallable
                || !frame.handsOff()) {
            return task;
        }
        return new ContextCallable<>(task, frame);
    }

    /**
     * Hides the current frame during an executor's own bookkeeping.
     *
     * @return the hidden frame, for {@link #resume(RequestFrame)}
     */
    public static RequestFrame suspend() {
        return ThreadState.suspend();
    }

    /**
     * Restores a frame hidden by {@link #suspend()}.
     *
     * @param frame what {@code suspend} returned
     */
    public static void resume(RequestFrame frame) {
        ThreadState.resume(frame);
    }

    /**
     * Remembers the current frame for a thread about to start; called on the starting thread.
     *
     * @param thread the thread being started
     */
    public static void threadStarting(Thread thread) {
        RequestFrame frame = ThreadState.currentFrame();
        if (frame != null && frame.handsOff() && !outlivesRequests(thread)) {
            STARTING.put(thread, frame);
        }
    }

    /**
     * Forgets a thread whose start failed.
     *
     * @param thread the thread
     */
    public static void threadStartFailed(Thread thread) {
        if (!STARTING.isEmpty()) {
            STARTING.remove(thread);
        }
    }

    /**
     * Makes the starting thread's frame current when a thread begins its work; called on the
     * new thread.
     *
     * @param thread the thread whose run begins
     * @return the scope to close when the run ends, or {@code null}
     */
    public static FrameScope threadRunning(Thread thread) {
        if (STARTING.isEmpty() || thread != Thread.currentThread()) {
            return null;
        }
        RequestFrame frame = STARTING.remove(thread);
        return frame == null ? null : frame.open();
    }

    /**
     * Closes a scope from {@link #threadRunning(Thread)} or a wrapper.
     *
     * @param scope the scope, or {@code null}
     */
    public static void close(FrameScope scope) {
        if (scope != null) {
            scope.close();
        }
    }

    /** Threads of the JDK and of pools live on after the request; they get no frame. */
    private static boolean outlivesRequests(Thread thread) {
        if (thread instanceof ForkJoinWorkerThread) {
            return true;
        }
        String name = thread.getClass().getName();
        return name.startsWith("jdk.") || name.startsWith("sun.");
    }

    /** The continuations of virtual threads are scheduling, not work of the request. */
    private static boolean isJdkScheduling(Object task) {
        return task.getClass().getName().startsWith("java.lang.VirtualThread");
    }
}
