package io.bindery.billing;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Presents a finished trace's span entries as {@link TimelineSpan}s, made on demand: most
 * records are counted and summed, few are drawn, so the billing thread does not build every
 * timeline. Immutable; safe to share between threads (all fields final, entries no longer
 * change once the trace is finished).
 */
final class Timeline extends AbstractList<TimelineSpan> implements RandomAccess {

    private final SpanEntry[] spans;
    private final String[] workers;
    private final long origin;

    Timeline(SpanEntry[] spans, String[] workers, long origin) {
        this.spans = spans;
        this.workers = workers;
        this.origin = origin;
    }

    @Override
    public TimelineSpan get(int index) {
        var span = spans[index];
        boolean ended = span.ended();
        return new TimelineSpan(span.spanId, span.parentSpanId, span.name(), workers[index],
                SpanKinds.name(span.kind), ended ? span.start - origin : -1,
                ended ? span.duration() : -1, SpanEntry.statusName(span.status));
    }

    @Override
    public int size() {
        return spans.length;
    }
}
