package io.bindery.server.testworkers;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Records what the limit test workers saw, for the test that configured them. */
public final class LimitProbe {

    /** Counts the stalled workers that saw an interrupt. */
    public static final AtomicInteger INTERRUPTED = new AtomicInteger();
    /** Counted down by each stalled worker when it starts waiting. */
    public static volatile CountDownLatch stalled = new CountDownLatch(1);
    /** Never released: stalled workers wait on it until they are interrupted. */
    public static volatile CountDownLatch never = new CountDownLatch(1);
    /** When the late responder's background task saw its interrupt, in nanoTime; 0 if not. */
    public static final AtomicLong TASK_INTERRUPTED_AT = new AtomicLong();
    /** When the late responder returned its response, in nanoTime. */
    public static final AtomicLong RESPONDED_AT = new AtomicLong();

    private LimitProbe() {
    }

    /**
     * Forgets everything recorded so far.
     *
     * @param stalledWorkers how many stalled workers the next test expects
     */
    public static void reset(int stalledWorkers) {
        never.countDown();
        INTERRUPTED.set(0);
        stalled = new CountDownLatch(stalledWorkers);
        never = new CountDownLatch(1);
        TASK_INTERRUPTED_AT.set(0);
        RESPONDED_AT.set(0);
    }
}
