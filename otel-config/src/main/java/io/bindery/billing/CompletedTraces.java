package io.bindery.billing;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the most recently billed traces with the span ids of their request spans, so late
 * or repeated spans are recognised and ignored while a new request that continues the same
 * trace id is still billed. Lock-free; a ring evicts the oldest entry. Written by the billing
 * thread (or a thread delivering inline), read by any.
 *
 * <p>Each trace id maps to its request span id, or, in the rare case of several requests in
 * one trace, to an array of the latest {@value #MAX_REQUESTS_PER_TRACE}.
 */
final class CompletedTraces {

    private static final int MAX_REQUESTS_PER_TRACE = 8;

    private final ConcurrentHashMap<String, Object> requestSpans;
    private final AtomicReferenceArray<String> traceRing;
    private final AtomicReferenceArray<String> spanRing;
    private final AtomicLong next = new AtomicLong();

    CompletedTraces(int capacity) {
        this.requestSpans = new ConcurrentHashMap<>(capacity * 2);
        this.traceRing = new AtomicReferenceArray<>(capacity);
        this.spanRing = new AtomicReferenceArray<>(capacity);
    }

    void add(String traceId, String requestSpanId) {
        requestSpans.merge(traceId, requestSpanId, CompletedTraces::with);
        int slot = (int) Math.floorMod(next.getAndIncrement(), (long) traceRing.length());
        var evictedTrace = traceRing.getAndSet(slot, traceId);
        var evictedSpan = spanRing.getAndSet(slot, requestSpanId);
        if (evictedTrace != null && evictedSpan != null) {
            requestSpans.computeIfPresent(evictedTrace, (id, spans) -> without(spans,
                    evictedSpan));
        }
    }

    boolean contains(String traceId) {
        return requestSpans.containsKey(traceId);
    }

    /** Tells whether this request span was billed already (a repeated delivery). */
    boolean billed(String traceId, String requestSpanId) {
        var spans = requestSpans.get(traceId);
        if (spans instanceof String one) {
            return one.equals(requestSpanId);
        }
        return spans instanceof String[] many && Arrays.asList(many).contains(requestSpanId);
    }

    private static Object with(Object spans, Object added) {
        if (spans instanceof String one) {
            return new String[] {one, (String) added};
        }
        var many = (String[]) spans;
        int keep = Math.min(many.length, MAX_REQUESTS_PER_TRACE - 1);
        var more = Arrays.copyOfRange(many, many.length - keep, many.length + 1);
        more[keep] = (String) added;
        return more;
    }

    private static Object without(Object spans, String removed) {
        if (spans instanceof String one) {
            return one.equals(removed) ? null : one;
        }
        var kept = Arrays.stream((String[]) spans).filter(s -> !s.equals(removed))
                .toArray(String[]::new);
        return kept.length == 0 ? null : kept.length == 1 ? kept[0] : kept;
    }
}
