package io.bindery.server.logging;

import java.util.logging.LogManager;

/**
 * Keeps logging alive while the JVM shuts down, so that shutdown hooks can still log.
 *
 * <p>The JDK's {@link LogManager} resets itself, closing every handler, in a shutdown hook of
 * its own that runs concurrently with the server's; the server's "stopped" lines would be
 * lost. This manager ignores a reset that comes during shutdown; the stdout handler flushes
 * every record, so nothing is lost at exit. Install it with
 * {@code -Djava.util.logging.manager=io.bindery.server.logging.BinderyLogManager} or before
 * the first use of logging ({@code Main} does).
 */
public final class BinderyLogManager extends LogManager {

    /** Creates the manager; the JDK calls it once. */
    public BinderyLogManager() {
    }

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
