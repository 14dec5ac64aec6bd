package io.bindery.billing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the one bill of one incoming request, keyed by its trace id.
 *
 * <p>Durations are in nanoseconds. {@code flattenedNanos} is the length of the union of the
 * trace's busy intervals ({@code worker} and {@code background} spans); {@code classicNanos} is
 * their summed length; {@code awaitingExternalNanos} is the length of the union of its
 * {@code io} and {@code http} spans. A record with {@code complete == false} was emitted before
 * every span had ended; {@code incompleteReason} then says why ({@code max-trace-age},
 * {@code max-open-traces}, {@code shutdown}, {@code flush}) and only the ended spans count.
 *
 * @param traceId the trace id, 32 lowercase hex digits
 * @param account the account of the entry worker, null if unrouted
 * @param entryWorker the worker that served the request, null if unrouted
 * @param route the matched route pattern, null if unrouted
 * @param path the request's URL path, null if unknown
 * @param method the HTTP method, null if unknown
 * @param status the HTTP response status, 0 if unknown
 * @param errorType the request's {@code error.type}, such as {@code 500}, null if it succeeded
 * @param start when the request span started
 * @param flattenedNanos the billable, deduplicated duration
 * @param classicNanos the per-invocation sum of the same intervals
 * @param awaitingExternalNanos the time spent awaiting external I/O
 * @param workers usage per worker name, in order of first activity; unmodifiable
 * @param bindingCalls the number of {@code binding} spans
 * @param subrequests the number of {@code http} spans
 * @param spanCount the number of distinct spans seen in the trace
 * @param complete whether every started span had ended
 * @param incompleteReason why the record is incomplete, null when complete
 * @param timeline the trace's spans ordered by start; unmodifiable
 */
public record BillingRecord(String traceId, String account, String entryWorker, String route,
        String path, String method, int status, String errorType, Instant start,
        long flattenedNanos, long classicNanos, long awaitingExternalNanos,
        Map<String, WorkerUsage> workers, int bindingCalls, int subrequests, int spanCount,
        boolean complete, String incompleteReason, List<TimelineSpan> timeline) {

    /** Copies the collections (unless already immutable) so the record stays immutable. */
    public BillingRecord {
        workers = workers == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(workers));
        timeline = timeline == null ? List.of()
                : timeline instanceof Timeline ? timeline : List.copyOf(timeline);
    }

    /**
     * Returns what flattening saved against classic billing.
     *
     * @return {@code classicNanos - flattenedNanos}, never negative for a built record
     */
    public long savingsNanos() {
        return classicNanos - flattenedNanos;
    }
}
