package io.bindery.server;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the graceful shutdown of a started server once, on request: SIGTERM or SIGINT, or the
 * JVM shutting down for another reason.
 *
 * <p>The signals are handled here rather than by the JVM's default handler, so that the
 * process exits 0 after a graceful stop instead of 143; the steps run in order on the thread
 * that calls {@link #run()}, and a second caller waits until they are done. Thread-safe.
 */
final class Shutdown implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(Shutdown.class.getName());

    private final List<Runnable> steps;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    Shutdown(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Makes SIGTERM and SIGINT request the shutdown, and the JVM's own shutdown run it.
     *
     * @return this
     */
    Shutdown install() {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> request());
            } catch (IllegalArgumentException e) {
                LOGGER.log(Level.DEBUG, () -> "SIG" + name + " cannot be handled here: " + e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this, "bindery-shutdown"));
        return this;
    }

    /** Asks the thread in {@link #awaitRequest()} to shut down. */
    void request() {
        requested.countDown();
    }

    /**
     * Waits until the shutdown is requested.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** Runs the steps once; later callers wait for the first to finish them. */
    @Override
    public void run() {
        requested.countDown();
        if (!started.compareAndSet(false, true)) {
            awaitDone();
            return;
        }
        LOGGER.log(Level.INFO, "Bindery stopping");
        try {
            steps.forEach(Shutdown::runStep);
        } finally {
            done.countDown();
        }
    }

    private static void runStep(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "A shutdown step failed; the next ones run anyway", e);
        }
    }

    private void awaitDone() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
