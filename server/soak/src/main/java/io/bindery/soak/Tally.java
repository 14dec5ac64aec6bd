package io.bindery.soak;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Adds up what one kind of request received: answers by status, with and without a
 * {@code traceresponse} header, failures without an answer, the trace id and status of every
 * traced answer, and every latency. Thread-safe; load threads add their latencies in one batch
 * when they finish.
 */
final class Tally {

    private final String label;
    private final AtomicLong sent = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> untraced = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Integer> traced = new ConcurrentHashMap<>();
    private final LongAdder duplicateTraceIds = new LongAdder();
    private long[] latencies = new long[0];

    Tally(String label) {
        this.label = label;
    }

    /** @return what this tally counts, such as {@code getuser} */
    String label() {
        return label;
    }

    /** Counts a request about to be written. */
    void sent() {
        sent.incrementAndGet();
    }

    /**
     * Counts an answer.
     *
     * @param answer the answer
     */
    void answered(HttpConnection.Answer answer) {
        statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
        if (answer.traceId() == null) {
            untraced.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
        } else if (traced.putIfAbsent(answer.traceId(), answer.status()) != null) {
            duplicateTraceIds.increment();
        }
    }

    /**
     * Counts a request that got no answer.
     *
     * @param error what went wrong
     */
    void failed(Exception error) {
        errors.computeIfAbsent(error.getClass().getSimpleName(), kind -> new LongAdder())
                .increment();
    }

    /**
     * Adds one load thread's latencies.
     *
     * @param nanos the latencies in nanoseconds; only the first {@code count} are used
     * @param count how many
     */
    synchronized void addLatencies(long[] nanos, int count) {
        long[] merged = Arrays.copyOf(latencies, latencies.length + count);
        System.arraycopy(nanos, 0, merged, latencies.length, count);
        latencies = merged;
    }

    /** @return the requests written */
    long sentCount() {
        return sent.get();
    }

    /** @return the answers received */
    long answeredCount() {
        return sum(statuses);
    }

    /** @return the requests that got no answer */
    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return answers by status, in status order */
    Map<Integer, Long> byStatus() {
        return sorted(statuses);
    }

    /** @return answers without a {@code traceresponse} header, by status */
    Map<Integer, Long> untracedByStatus() {
        return sorted(untraced);
    }

    /** @return failures without an answer, by exception class */
    Map<String, Long> errorsByKind() {
        var sorted = new TreeMap<String, Long>();
        errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    /** @return the status of every traced answer, by trace id */
    Map<String, Integer> tracedStatuses() {
        return Map.copyOf(traced);
    }

    /** @return how many traced answers repeated a trace id already seen */
    long duplicateTraceIds() {
        return duplicateTraceIds.sum();
    }

    /** @return the latencies so far, sorted, in nanoseconds */
    synchronized long[] sortedLatencies() {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long sum(Map<?, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<Integer, Long> sorted(Map<Integer, LongAdder> counts) {
        var sorted = new TreeMap<Integer, Long>();
        counts.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }
}
