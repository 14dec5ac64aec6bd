package io.bindery.billing;

import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * Remembers one span of an open trace in 56 bytes: references the span already holds, two
 * longs and two bytes. Until the span ends, {@code nameOrSpan} points at the live span (alive
 * anyway) instead of reading its name; then it holds the name. Guarded by the owning
 * {@link TraceState}'s lock; immutable once the trace is finished and settled.
 */
final class SpanEntry {

    static final byte UNSET = 0;
    static final byte OK = 1;
    static final byte ERROR = 2;
    static final byte UNFINISHED = 3;

    final String spanId;
    String parentSpanId;
    Object nameOrSpan;
    String worker;
    String version;
    long start;
    long end;
    byte kind;
    byte status = UNFINISHED;

    SpanEntry(String spanId, String parentSpanId, ReadableSpan live, byte kind) {
        this.spanId = spanId;
        this.parentSpanId = parentSpanId;
        this.nameOrSpan = live;
        this.kind = kind;
    }

    /** Reads name and kind from the live span of an entry that never ended; billing thread. */
    void settle() {
        if (nameOrSpan instanceof ReadableSpan live) {
            nameOrSpan = live.getName();
            if (kind == SpanKinds.UNKNOWN) {
                kind = SpanKinds.of(live.getAttribute(SpanKinds.BINDERY_SPAN));
            }
        }
        if (kind == SpanKinds.UNKNOWN) {
            kind = SpanKinds.OTHER;
        }
    }

    /** Returns the name; after {@link #settle()} or once ended. */
    String name() {
        return nameOrSpan instanceof String name ? name : null;
    }

    boolean ended() {
        return status != UNFINISHED;
    }

    long duration() {
        return Math.max(0, end - start);
    }

    static String statusName(byte status) {
        return switch (status) {
            case OK -> "OK";
            case ERROR -> "ERROR";
            case UNSET -> "UNSET";
            default -> "UNFINISHED";
        };
    }
}
