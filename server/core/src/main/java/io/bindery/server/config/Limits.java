package io.bindery.server.config;

import java.time.Duration;

/**
 * Holds the top-level {@code limits:} section: what one request and its workers may use.
 *
 * <p>The defaults follow Cloudflare Workers. A worker's own {@code limits:} block
 * ({@link WorkerLimits}) overrides the per-request ones for the requests that worker enters.
 *
 * @param backgroundTaskTimeout how long a request's {@code ctx.waitUntil} tasks may run after
 *     its response before they are interrupted; default 30 s
 * @param maxInvocations how many worker invocations one incoming request may make, entry
 *     worker included; a binding call past it fails; default 32
 * @param fetchConnectTimeout how long an outbound fetch may take to connect; default 10 s
 * @param fetchTimeout how long an outbound fetch may wait for its response; default 30 s
 * @param kvMaxEntries how many entries one key-value namespace may hold; default 100,000
 * @param maxSubrequests how many outbound fetches one incoming request may make; default 1,000
 * @param requestTimeout the wall time from dispatch to response; past it the client gets 504
 *     and the request's threads are interrupted; default 30 s
 * @param maxRequestBodySize the largest request body in bytes; default 10 MiB
 * @param maxHeaderSize the largest total size of the request's header fields in bytes,
 *     enforced by Helidon before routing; default 128 KiB
 * @param maxHeaderCount the most header fields a request may have; default 100
 * @param maxUrlLength the longest request target (path and query) in bytes, enforced by
 *     Helidon before routing; default 16 KiB
 */
public record Limits(Duration backgroundTaskTimeout, int maxInvocations,
        Duration fetchConnectTimeout, Duration fetchTimeout, int kvMaxEntries,
        int maxSubrequests, Duration requestTimeout, long maxRequestBodySize,
        int maxHeaderSize, int maxHeaderCount, int maxUrlLength) {

    /** The default of {@link #maxRequestBodySize()}: 10 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 10L * 1024 * 1024;

    /**
     * Returns the default limits.
     *
     * @return 30 s, 32 invocations, 10 s, 30 s, 100,000 entries, 1,000 subrequests, 30 s,
     *     10 MiB, 128 KiB, 100 header fields and 16 KiB
     */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(30), 32, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 100_000, 1_000, Duration.ofSeconds(30),
                DEFAULT_MAX_REQUEST_BODY_SIZE, 128 * 1024, 100, 16 * 1024);
    }
}
