package io.bindery.billing;

import io.opentelemetry.sdk.common.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a finished {@link TraceState} into its {@link BillingRecord}: sorts the spans by
 * start once, then sweeps the sorted busy and external intervals to measure their unions.
 */
final class RecordBuilder {

    /** Orders ended spans by start; on a tie the request, then the longer (the parent). */
    private static final Comparator<SpanEntry> BY_START = RecordBuilder::compare;

    private RecordBuilder() {
    }

    static BillingRecord build(TraceState trace, Clock clock) {
        var spans = trace.entries();
        for (var span : spans) {
            span.settle();
        }
        Arrays.sort(spans, BY_START);
        long origin = origin(spans, clock);
        var reason = trace.reason();
        return new BillingRecord(trace.traceId, trace.account(), trace.entryWorker(),
                trace.route(), trace.path(), trace.method(), trace.status(),
                trace.errorType(), instant(origin),
                union(spans, true), classic(spans), union(spans, false), usage(spans),
                count(spans, SpanKinds.BINDING), count(spans, SpanKinds.HTTP), spans.length,
                reason == null, reason, timeline(trace, spans, origin));
    }

    private static int compare(SpanEntry a, SpanEntry b) {
        if (a.ended() != b.ended()) {
            return a.ended() ? -1 : 1;
        }
        int byStart = Long.compare(a.start, b.start);
        if (byStart != 0) {
            return byStart;
        }
        boolean aRequest = a.kind == SpanKinds.REQUEST;
        if (aRequest != (b.kind == SpanKinds.REQUEST)) {
            return aRequest ? -1 : 1;
        }
        int byEnd = Long.compare(b.end, a.end);
        return byEnd != 0 ? byEnd : a.spanId.compareTo(b.spanId);
    }

    /** Measures the union of the busy (or external) intervals; {@code spans} sorted by start. */
    static long union(SpanEntry[] spans, boolean busy) {
        long total = 0;
        long from = 0;
        long to = Long.MIN_VALUE;
        for (var span : spans) {
            if (!span.ended() || span.end <= span.start || !counts(span.kind, busy)) {
                continue;
            }
            if (span.start > to) {
                total += to == Long.MIN_VALUE ? 0 : to - from;
                from = span.start;
                to = span.end;
            } else if (span.end > to) {
                to = span.end;
            }
        }
        return total + (to == Long.MIN_VALUE ? 0 : to - from);
    }

    private static boolean counts(byte kind, boolean busy) {
        return busy ? SpanKinds.busy(kind) : SpanKinds.external(kind);
    }

    private static long classic(SpanEntry[] spans) {
        long total = 0;
        for (var span : spans) {
            if (span.ended() && SpanKinds.busy(span.kind)) {
                total += span.duration();
            }
        }
        return total;
    }

    /** Returns the request span's start, else the first start, else now. */
    private static long origin(SpanEntry[] spans, Clock clock) {
        for (var span : spans) {
            if (span.kind == SpanKinds.REQUEST && span.ended()) {
                return span.start;
            }
        }
        return spans.length > 0 && spans[0].ended() ? spans[0].start : clock.now();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static Map<String, WorkerUsage> usage(SpanEntry[] spans) {
        var usage = new LinkedHashMap<String, WorkerUsage>();
        for (var span : spans) {
            if (span.ended() && SpanKinds.busy(span.kind) && span.worker != null) {
                int calls = span.kind == SpanKinds.WORKER_SPAN ? 1 : 0;
                usage.merge(span.worker, new WorkerUsage(calls, span.duration(), span.version),
                        (a, b) -> new WorkerUsage(a.invocations() + b.invocations(),
                                a.busyNanos() + b.busyNanos(),
                                a.version() != null ? a.version() : b.version()));
            }
        }
        return usage;
    }

    private static int count(SpanEntry[] spans, byte kind) {
        int n = 0;
        for (var span : spans) {
            if (span.kind == kind) {
                n++;
            }
        }
        return n;
    }

    private static List<TimelineSpan> timeline(TraceState trace, SpanEntry[] spans,
            long origin) {
        var workers = new String[spans.length];
        for (int i = 0; i < spans.length; i++) {
            workers[i] = workerOf(trace, spans[i]);
        }
        return new Timeline(spans, workers, origin);
    }

    private static String workerOf(TraceState trace, SpanEntry span) {
        var current = span;
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (current.worker != null) {
                return current.worker;
            }
            current = current.parentSpanId == null ? null : trace.lookup(current.parentSpanId);
        }
        return null;
    }
}
