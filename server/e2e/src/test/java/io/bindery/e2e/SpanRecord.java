package io.bindery.e2e;

import java.util.Map;

/**
 * Holds one span as the {@code bindery-jsonl} exporter wrote it.
 *
 * @param traceId 32 hex characters
 * @param spanId 16 hex characters
 * @param parentSpanId the parent's id, or {@code null} for a root span
 * @param name the span name
 * @param kind SERVER, CLIENT, INTERNAL, ...
 * @param startEpochNanos the start, in nanoseconds since the epoch
 * @param endEpochNanos the end, in nanoseconds since the epoch
 * @param status UNSET, OK or ERROR
 * @param attributes the attributes: strings, numbers and booleans
 */
public record SpanRecord(String traceId, String spanId, String parentSpanId, String name,
        String kind, long startEpochNanos, long endEpochNanos, String status,
        Map<String, Object> attributes) {

    /** @return the {@code bindery.span} attribute: request, worker, binding, ... */
    public String role() {
        return string("bindery.span");
    }

    /**
     * Returns a string attribute.
     *
     * @param key the attribute's key
     * @return its value as text, or {@code null}
     */
    public String string(String key) {
        Object value = attributes.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * Returns a numeric attribute.
     *
     * @param key the attribute's key
     * @return its value, or 0 when absent
     */
    public long number(String key) {
        return attributes.get(key) instanceof Number number ? number.longValue() : 0L;
    }

    /** @return the span's duration in nanoseconds */
    public long durationNanos() {
        return endEpochNanos - startEpochNanos;
    }

    @Override
    public String toString() {
        return name + " [" + kind + ", " + role() + ", " + spanId + " <- " + parentSpanId
                + ", " + durationNanos() / 1000 + " us, " + status + "] " + attributes;
    }
}
