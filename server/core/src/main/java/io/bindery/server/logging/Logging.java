package io.bindery.server.logging;

import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Configures java.util.logging for the server: one handler on standard output, one line per
 * record ({@link LineFormatter}), level INFO.
 *
 * <p>The level comes from the system property {@value #LEVEL_PROPERTY} or the environment
 * variable {@value #LEVEL_VARIABLE}, as {@code TRACE}, {@code DEBUG}, {@code INFO},
 * {@code WARN} or {@code ERROR}. When {@code java.util.logging.config.file} is set, that file
 * wins and nothing is changed.
 */
public final class Logging {

    /** The system property that sets the level. */
    public static final String LEVEL_PROPERTY = "bindery.log.level";

    /** The environment variable that sets the level. */
    public static final String LEVEL_VARIABLE = "BINDERY_LOG_LEVEL";

    private static final String MANAGER_PROPERTY = "java.util.logging.manager";

    private Logging() {
    }

    /**
     * Asks the JDK to use {@link BinderyLogManager}; effective only before logging is first
     * used.
     */
    public static void preferShutdownSafeManager() {
        if (System.getProperty(MANAGER_PROPERTY) == null) {
            System.setProperty(MANAGER_PROPERTY, BinderyLogManager.class.getName());
        }
    }

    /** Replaces the root logger's handlers with one line-per-record handler on stdout. */
    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        Level level = level(setting());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler stdout = new StdoutHandler();
        stdout.setLevel(level);
        root.addHandler(stdout);
        root.setLevel(level);
    }

    private static String setting() {
        String property = System.getProperty(LEVEL_PROPERTY);
        return property != null ? property : System.getenv(LEVEL_VARIABLE);
    }

    static Level level(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "ALL" -> Level.FINEST;
            case "DEBUG", "FINE" -> Level.FINE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "OFF" -> Level.OFF;
            default -> Level.INFO;
        };
    }

    /** Writes to the process's standard output, flushing after every record. */
    private static final class StdoutHandler extends StreamHandler {

        StdoutHandler() {
            super(System.out, new LineFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
