package io.bindery.billing;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Follows one open trace: a small open-addressing table of its spans keyed by span id and the
 * count of started spans that have not ended. Every method takes this object's monitor for a
 * few field updates; spans of one trace rarely contend.
 */
final class TraceState {

    static final int ADDED = 0;
    static final int DUPLICATE = 1;
    static final int LATE = 2;
    static final int COMPLETED = 3;
    static final int UNKNOWN_SPAN = 4;

    final String traceId;
    final String requestSpanId;
    final long openedTicks;
    private SpanEntry[] table = new SpanEntry[16];
    private int size;
    private int open;
    private volatile boolean done;
    private String reason;
    private String account;
    private String entryWorker;
    private String route;
    private String path;
    private String errorType;
    private String method;
    private int status;

    TraceState(String traceId, String requestSpanId, long openedTicks) {
        this.traceId = traceId;
        this.requestSpanId = requestSpanId;
        this.openedTicks = openedTicks;
    }

    boolean done() {
        return done;
    }

    synchronized int start(String spanId, String parentSpanId, ReadableSpan span, byte kind) {
        if (done) {
            return LATE;
        }
        if (find(spanId) != null) {
            return DUPLICATE;
        }
        insert(new SpanEntry(spanId, parentSpanId, span, kind));
        open++;
        return ADDED;
    }

    synchronized int end(SpanData span) {
        if (done) {
            return LATE;
        }
        if (!span.hasEnded()) {
            return DUPLICATE;
        }
        var entry = find(span.getSpanId());
        if (entry == null) {
            return UNKNOWN_SPAN;
        }
        if (entry.ended()) {
            return DUPLICATE;
        }
        open--;
        fill(entry, span);
        if (open > 0) {
            return ADDED;
        }
        done = true;
        return COMPLETED;
    }

    synchronized boolean close(String why) {
        if (done) {
            return false;
        }
        done = true;
        reason = why;
        return true;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized SpanEntry[] entries() {
        var result = new SpanEntry[size];
        int i = 0;
        for (var entry : table) {
            if (entry != null) {
                result[i++] = entry;
            }
        }
        return result;
    }

    synchronized String account() {
        return account;
    }

    synchronized String entryWorker() {
        return entryWorker;
    }

    synchronized String route() {
        return route;
    }

    synchronized String path() {
        return path;
    }

    synchronized String errorType() {
        return errorType;
    }

    synchronized String method() {
        return method;
    }

    synchronized int status() {
        return status;
    }

    /** Finds a span without locking; only for a finished trace handed over by a queue. */
    SpanEntry lookup(String spanId) {
        return find(spanId);
    }

    private void fill(SpanEntry entry, SpanData span) {
        var attributes = span.getAttributes();
        if (entry.kind == SpanKinds.UNKNOWN) {
            byte kind = SpanKinds.of(attributes.get(SpanKinds.BINDERY_SPAN));
            entry.kind = kind == SpanKinds.UNKNOWN ? SpanKinds.OTHER : kind;
        }
        entry.nameOrSpan = span.getName();
        entry.worker = attributes.get(SpanKinds.WORKER);
        entry.version = attributes.get(SpanKinds.WORKER_VERSION);
        entry.start = span.getStartEpochNanos();
        entry.end = span.getEndEpochNanos();
        entry.status = statusOf(span.getStatus().getStatusCode());
        if (entry.kind == SpanKinds.REQUEST) {
            account = attributes.get(SpanKinds.ACCOUNT);
            entryWorker = entry.worker;
            route = attributes.get(SpanKinds.ROUTE);
            path = attributes.get(SpanKinds.PATH);
            errorType = attributes.get(SpanKinds.ERROR_TYPE);
            method = attributes.get(SpanKinds.METHOD);
            Long code = attributes.get(SpanKinds.STATUS);
            status = code == null ? 0 : code.intValue();
        }
    }

    private static byte statusOf(StatusCode code) {
        return switch (code) {
            case OK -> SpanEntry.OK;
            case ERROR -> SpanEntry.ERROR;
            default -> SpanEntry.UNSET;
        };
    }

    private SpanEntry find(String spanId) {
        int mask = table.length - 1;
        for (int i = slot(spanId, mask); ; i = (i + 1) & mask) {
            var entry = table[i];
            if (entry == null || entry.spanId.equals(spanId)) {
                return entry;
            }
        }
    }

    private void insert(SpanEntry entry) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        put(table, entry);
        size++;
    }

    private void grow() {
        var bigger = new SpanEntry[table.length * 2];
        for (var entry : table) {
            if (entry != null) {
                put(bigger, entry);
            }
        }
        table = bigger;
    }

    private static void put(SpanEntry[] into, SpanEntry entry) {
        int mask = into.length - 1;
        int i = slot(entry.spanId, mask);
        while (into[i] != null) {
            i = (i + 1) & mask;
        }
        into[i] = entry;
    }

    /** Spreads the span id's hash code, which the string caches after the first call. */
    private static int slot(String spanId, int mask) {
        int h = spanId.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
