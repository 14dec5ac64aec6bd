package io.bindery.server.config;

import java.time.Duration;
import java.util.List;

/**
 * Holds a worker's own {@code limits:} block: overrides of the per-request limits for the
 * requests this worker enters as entry worker.
 *
 * <p>Each component is {@code null} when the block does not set it; the top-level
 * {@link Limits} value applies then. Bound workers run under the limits of the request that
 * called them, so a bound worker's block matters only for requests routed to it. Limits that
 * Helidon checks before routing ({@code maxHeaderSize}, {@code maxUrlLength}) and the
 * server-wide ones ({@code fetchConnectTimeout}, {@code fetchTimeout}, {@code kvMaxEntries})
 * cannot be set here.
 *
 * @param maxInvocations overrides {@link Limits#maxInvocations()}, or {@code null}
 * @param maxSubrequests overrides {@link Limits#maxSubrequests()}, or {@code null}
 * @param requestTimeout overrides {@link Limits#requestTimeout()}, or {@code null}
 * @param backgroundTaskTimeout overrides {@link Limits#backgroundTaskTimeout()}, or
 *     {@code null}
 * @param maxRequestBodySize overrides {@link Limits#maxRequestBodySize()}, or {@code null}
 * @param maxHeaderCount overrides {@link Limits#maxHeaderCount()}, or {@code null}
 */
public record WorkerLimits(Integer maxInvocations, Integer maxSubrequests,
        Duration requestTimeout, Duration backgroundTaskTimeout, Long maxRequestBodySize,
        Integer maxHeaderCount) {

    /** The keys a worker's {@code limits:} block may hold. */
    public static final List<String> KEYS = List.of("maxInvocations", "maxSubrequests",
            "requestTimeout", "backgroundTaskTimeout", "maxRequestBodySize", "maxHeaderCount");

    /** A block that overrides nothing. */
    public static final WorkerLimits NONE = new WorkerLimits(null, null, null, null, null, null);

    /**
     * Tells whether this block sets a key.
     *
     * @param key one of {@link #KEYS}
     * @return {@code true} when the worker overrides that limit
     */
    public boolean overrides(String key) {
        return switch (key) {
            case "maxInvocations" -> maxInvocations != null;
            case "maxSubrequests" -> maxSubrequests != null;
            case "requestTimeout" -> requestTimeout != null;
            case "backgroundTaskTimeout" -> backgroundTaskTimeout != null;
            case "maxRequestBodySize" -> maxRequestBodySize != null;
            case "maxHeaderCount" -> maxHeaderCount != null;
            default -> false;
        };
    }
}
