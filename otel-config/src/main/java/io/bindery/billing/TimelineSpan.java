package io.bindery.billing;

/**
 * Describes one span of a billed trace, enough to draw the request's lifetime.
 *
 * @param spanId the span id, 16 lowercase hex digits
 * @param parentSpanId the parent's span id, or null for the request span
 * @param name the span name
 * @param worker the worker the span belongs to: its {@code bindery.worker} attribute, else its
 *     nearest ancestor's; null when none is known
 * @param kind the {@code bindery.span} value ({@code request}, {@code worker}, {@code binding},
 *     {@code background}, {@code http}, {@code io}), or {@code other}
 * @param startOffsetNanos nanoseconds from the request span's start to this span's start, or
 *     {@code -1} for a span that had not ended when the record was emitted
 * @param durationNanos the span's length in nanoseconds, or {@code -1} if it had not ended
 * @param status {@code UNSET}, {@code OK} or {@code ERROR}; {@code UNFINISHED} if not ended
 */
public record TimelineSpan(String spanId, String parentSpanId, String name, String worker,
        String kind, long startOffsetNanos, long durationNanos, String status) {

    /**
     * Tells whether the span had ended when the record was emitted.
     *
     * @return true if the span has a duration
     */
    public boolean ended() {
        return durationNanos >= 0;
    }
}
