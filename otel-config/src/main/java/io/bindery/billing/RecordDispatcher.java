package io.bindery.billing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the billing thread: takes finished traces from a lock-free queue, has them turned into
 * records and delivered, and calls the age sweep on schedule.
 *
 * <p>Producers never block and rarely signal: while traces keep coming the thread wakes every
 * {@code busyPollNanos} and drains what arrived; only when it found nothing does it sleep until
 * the next sweep, and only then does a producer wake it. Past {@code capacity} waiting traces
 * {@link #offer} refuses, and the caller delivers the record itself.
 */
final class RecordDispatcher {

    private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** What the billing thread does with each item and on schedule. */
    interface Work {
        void deliver(TraceState trace);

        void sweep();

        void failed(Throwable error);
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final int capacity;
    private final long sweepIntervalNanos;
    private final Work work;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean running = true;

    RecordDispatcher(int capacity, long sweepIntervalNanos, Work work) {
        this.capacity = capacity;
        this.sweepIntervalNanos = sweepIntervalNanos;
        this.work = work;
        this.thread = Thread.ofPlatform().name("bindery-billing").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a finished trace; false if the thread is stopped or too far behind. */
    boolean offer(TraceState trace) {
        if (!running || waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        queue.offer(trace);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
        if (!running) {
            drainHere();
        }
        return true;
    }

    /** Returns how many finished traces wait for the billing thread. */
    int waiting() {
        return waiting.get();
    }

    /** Returns a result that succeeds once everything queued before the call is delivered. */
    CompletableResultCode flush() {
        if (!running || Thread.currentThread() == thread) {
            drainHere();
            return CompletableResultCode.ofSuccess();
        }
        var result = new CompletableResultCode();
        queue.offer(result);
        LockSupport.unpark(thread);
        if (!running) {
            drainHere();
        }
        return result;
    }

    /** Stops the thread after it delivered what is queued; later offers are refused. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    private void run() {
        long nextSweep = System.nanoTime() + sweepIntervalNanos;
        while (running) {
            boolean found = drainHere();
            if (System.nanoTime() - nextSweep >= 0) {
                sweep();
                nextSweep = System.nanoTime() + sweepIntervalNanos;
            }
            pause(found, nextSweep);
        }
        drainHere();
    }

    private void pause(boolean found, long nextSweep) {
        if (found) {
            LockSupport.parkNanos(this, BUSY_POLL_NANOS);
            return;
        }
        sleeping = true;
        if (queue.isEmpty() && running) {
            LockSupport.parkNanos(this, Math.max(0, nextSweep - System.nanoTime()));
        }
        sleeping = false;
    }

    private void sweep() {
        try {
            work.sweep();
        } catch (Throwable error) {
            work.failed(error);
        }
    }

    /** Delivers everything queued on the calling thread; true if anything was there. */
    private boolean drainHere() {
        boolean found = false;
        for (Object item; (item = queue.poll()) != null; ) {
            found = true;
            try {
                handle(item);
            } catch (Throwable error) {
                work.failed(error);
            }
        }
        return found;
    }

    private void handle(Object item) {
        if (item instanceof TraceState trace) {
            try {
                work.deliver(trace);
            } finally {
                waiting.decrementAndGet();
            }
        } else if (item instanceof CompletableResultCode result) {
            result.succeed();
        }
    }
}
