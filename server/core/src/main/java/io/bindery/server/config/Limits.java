package io.bindery.server.config;

import java.time.Duration;

/**
 * Holds the {@code limits:} section: what one request and its workers may use.
 *
 * @param backgroundTaskTimeout how long a {@code ctx.waitUntil} task may run after it was
 *     registered before it is interrupted; default 30 seconds
 * @param maxInvocations how many worker invocations one incoming request may make, entry
 *     worker included; a binding call past it fails; default 32
 * @param fetchConnectTimeout how long an outbound fetch may take to connect; default 10 s
 * @param fetchTimeout how long an outbound fetch may wait for its response; default 30 s
 * @param kvMaxEntries how many entries one key-value namespace may hold; default 100,000
 */
public record Limits(Duration backgroundTaskTimeout, int maxInvocations,
        Duration fetchConnectTimeout, Duration fetchTimeout, int kvMaxEntries) {

    /**
     * Returns the default limits.
     *
     * @return 30 s, 32 invocations, 10 s, 30 s and 100,000 entries
     */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(30), 32, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 100_000);
    }
}
