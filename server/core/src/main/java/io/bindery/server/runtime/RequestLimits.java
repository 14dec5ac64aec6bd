package io.bindery.server.runtime;

import io.bindery.server.config.Limits;
import io.bindery.server.config.WorkerLimits;
import io.bindery.server.config.WorkerSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Holds the limits in force for one incoming request: the top-level {@code limits:} section,
 * overridden key by key by the entry worker's own {@code limits:} block.
 *
 * <p>Bound workers run under the limits of the request that called them. Each value knows
 * the configuration key that set it, for error messages. Immutable and thread-safe.
 */
public final class RequestLimits {

    private final Limits global;
    private final WorkerLimits own;
    private final String worker;
    private final String workerPath;

    private RequestLimits(Limits global, WorkerLimits own, String worker, String workerPath) {
        this.global = Objects.requireNonNull(global, "global");
        this.own = own;
        this.worker = worker;
        this.workerPath = workerPath;
    }

    /**
     * Returns the limits of requests no worker is routed to: the top-level ones.
     *
     * @param global the top-level {@code limits:} section
     * @return the limits
     */
    public static RequestLimits global(Limits global) {
        return new RequestLimits(global, WorkerLimits.NONE, null, null);
    }

    /**
     * Returns the limits of requests a worker enters.
     *
     * @param global the top-level {@code limits:} section
     * @param entry the entry worker's configuration
     * @return the limits
     */
    public static RequestLimits forEntry(Limits global, WorkerSpec entry) {
        return new RequestLimits(global, entry.limits(), entry.name(), entry.origin().path());
    }

    /** @return how many worker invocations the request may make, entry included */
    public int maxInvocations() {
        return own.maxInvocations() != null ? own.maxInvocations() : global.maxInvocations();
    }

    /** @return how many outbound fetches the request may make */
    public int maxSubrequests() {
        return own.maxSubrequests() != null ? own.maxSubrequests() : global.maxSubrequests();
    }

    /** @return the wall time from dispatch to response */
    public Duration requestTimeout() {
        return own.requestTimeout() != null ? own.requestTimeout() : global.requestTimeout();
    }

    /** @return how long the request's background tasks may run after its response */
    public Duration backgroundTaskTimeout() {
        return own.backgroundTaskTimeout() != null ? own.backgroundTaskTimeout()
                : global.backgroundTaskTimeout();
    }

    /** @return the largest request body, in bytes */
    public long maxRequestBodySize() {
        return own.maxRequestBodySize() != null ? own.maxRequestBodySize()
                : global.maxRequestBodySize();
    }

    /** @return the most header fields the request may have */
    public int maxHeaderCount() {
        return own.maxHeaderCount() != null ? own.maxHeaderCount() : global.maxHeaderCount();
    }

    /** @return the top-level limits, for those no worker can override */
    public Limits global() {
        return global;
    }

    /**
     * Returns the configuration key that set a limit's value for this request.
     *
     * @param limit the limit
     * @return {@code limits.KEY}, or {@code workers[i].limits.KEY (worker 'name')} when the
     *     entry worker's own block set it
     */
    public String configKey(Limit limit) {
        if (worker != null && own.overrides(limit.key())) {
            String prefix = workerPath.isEmpty() ? "" : workerPath + ".";
            return prefix + "limits." + limit.key() + " (worker '" + worker + "')";
        }
        return "limits." + limit.key();
    }

    /**
     * Tells where to change a limit, as the end of an error message.
     *
     * @param limit the limit
     * @return a phrase such as {@code raise limits.maxSubrequests in the configuration ...}
     */
    public String howToRaise(Limit limit) {
        if (worker != null && own.overrides(limit.key())) {
            return "raise " + configKey(limit) + " in the configuration";
        }
        String perWorker = worker == null ? "" : ", or set " + limit.key()
                + " in the limits: block of worker '" + worker + "' for the requests it enters";
        return "raise limits." + limit.key() + " in the configuration" + perWorker;
    }

    @Override
    public String toString() {
        return "RequestLimits[worker=" + worker + ", invocations=" + maxInvocations()
                + ", subrequests=" + maxSubrequests() + ", timeout=" + requestTimeout()
                + ", background=" + backgroundTaskTimeout() + ", body=" + maxRequestBodySize()
                + ", headers=" + maxHeaderCount() + "]";
    }
}
