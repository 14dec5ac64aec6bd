package io.bindery.server.config;

import java.time.Duration;

/**
 * Holds the {@code server:} section: where the listeners bind and how long shutdown may take.
 *
 * @param host the address both listeners bind to; default {@code 127.0.0.1}
 * @param port the public listener's port; default 8080, {@code BINDERY_PORT} overrides it,
 *     0 picks a free port
 * @param adminPort the admin listener's port; default 9090, {@code BINDERY_ADMIN_PORT}
 *     overrides it, 0 picks a free port
 * @param shutdownGrace how long shutdown waits for in-flight requests and background tasks;
 *     default 30 seconds
 * @param maxConcurrentRequests how many requests the public listener runs at once; a request
 *     beyond it is answered {@code 503} by Helidon before routing, on a connection that is
 *     then closed, and is neither traced nor billed; default 1024
 */
public record ServerSettings(String host, int port, int adminPort, Duration shutdownGrace,
        int maxConcurrentRequests) {

    /** The default public port. */
    public static final int DEFAULT_PORT = 8080;

    /** The default admin port. */
    public static final int DEFAULT_ADMIN_PORT = 9090;

    /** The default bind address. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default shutdown grace period. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** The default number of requests the public listener runs at once. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 1024;
}
