package io.bindery.server.testworkers;

import io.bindery.worker.Request;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Records what the probe workers saw, for the test that configured them. */
public final class Probe {

    /** The thread the calling worker ran on. */
    public static final AtomicReference<Thread> CALLER_THREAD = new AtomicReference<>();
    /** The thread the called worker ran on. */
    public static final AtomicReference<Thread> CALLEE_THREAD = new AtomicReference<>();
    /** The request object the caller handed to the binding. */
    public static final AtomicReference<Request> SENT = new AtomicReference<>();
    /** The request object the callee received. */
    public static final AtomicReference<Request> RECEIVED = new AtomicReference<>();
    /** The callee's stack, as class.method names, innermost first. */
    public static final AtomicReference<List<String>> CALLEE_STACK = new AtomicReference<>();

    /** Released by the test to let the background task finish. */
    public static volatile CountDownLatch release = new CountDownLatch(1);
    /** Counted down when the background task has started. */
    public static volatile CountDownLatch started = new CountDownLatch(1);
    /** Set when the background task finished its work. */
    public static final AtomicBoolean FINISHED = new AtomicBoolean();
    /** Set when the background task saw an interrupt. */
    public static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

    private Probe() {
    }

    /** Forgets everything recorded so far. */
    public static void reset() {
        CALLER_THREAD.set(null);
        CALLEE_THREAD.set(null);
        SENT.set(null);
        RECEIVED.set(null);
        CALLEE_STACK.set(null);
        release = new CountDownLatch(1);
        started = new CountDownLatch(1);
        FINISHED.set(false);
        INTERRUPTED.set(false);
    }
}
