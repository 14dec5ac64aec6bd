package io.bindery.agent.bootstrap;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives every failure that the agent's advice swallows, counts it and logs it at
 * {@code DEBUG} (java.util.logging's {@code FINE}) on the logger {@code io.bindery.agent}.
 *
 * <p>Advice never logs itself and never lets a failure reach the application. Safe on any
 * thread; the agent's request frame is hidden while logging, so logging is not instrumented.
 */
public final class Failures {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final ThreadLocal<Boolean> LOGGING = new ThreadLocal<>();

    private Failures() {
    }

    /**
     * Counts and logs one swallowed failure; never throws.
     *
     * @param failure what the advice threw
     */
    public static void swallowed(Throwable failure) {
        long count = COUNT.incrementAndGet();
        if (LOGGING.get() != null) {
            return;
        }
        RequestFrame frame = ThreadState.suspend();
        LOGGING.set(Boolean.TRUE);
        try {
            System.Logger logger = System.getLogger("io.bindery.agent");
            if (logger.isLoggable(Level.DEBUG)) {
                logger.log(Level.DEBUG, "Bindery agent advice failed (" + count
                        + " failures so far); the application was not affected", failure);
            }
        } catch (Throwable ignored) {
            // Logging is best effort; the failure is counted all the same.
        } finally {
            LOGGING.remove();
            ThreadState.resume(frame);
        }
    }

    /**
     * Returns how many failures advice has swallowed since start.
     *
     * @return the count
     */
    public static long count() {
        return COUNT.get();
    }
}
