package io.bindery.billing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bills each request trace once, the moment its last span ends, as the union of its busy
 * intervals; an OpenTelemetry {@link SpanProcessor}.
 *
 * <p>A trace opens when its {@code request} span starts (a local root whose
 * {@code bindery.span} attribute is set on the span builder) and is complete when every span
 * started in it has ended, {@code background} spans that outlive the request included. There is
 * no waiting period. The processor then hands the trace to its billing thread, which builds the
 * {@link BillingRecord} (one sort and one sweep) and passes it to every {@link BillingSink},
 * usually within 2 ms. Traces are keyed by trace id: a request span that continues a trace id
 * still open joins that trace; one that continues a trace id already billed (a client reusing
 * its {@code traceparent}) opens a new trace, billed in its own record with the same trace id.
 *
 * <p>Threads: {@link #onStart} and {@link #onEnd} run on the caller's thread, in any order and
 * from any number of threads; they never block and never throw, and do a small constant amount
 * of work per span (a map lookup and a few field writes under the trace's own lock). A span
 * delivered twice changes nothing; spans of a billed trace are counted as late and ignored;
 * spans of traces never opened are counted as orphans.
 *
 * <p>Memory is bounded: a trace older than {@code maxTraceAge} (default 60 s) is billed
 * incomplete ({@code max-trace-age}) by a single daemon thread that checks ages against the
 * injectable {@link Clock}; past {@code maxOpenTraces} (default 10,000) open traces the oldest
 * are billed incomplete ({@code max-open-traces}). {@link #forceFlush} and {@link #shutdown}
 * bill what is open as incomplete ({@code flush}, {@code shutdown}) and return once every
 * record has reached the sinks, so a graceful shutdown loses no record.
 *
 * <p>Billing is independent of sampling only if unsampled spans are recorded: use a sampler
 * that never returns {@code DROP} (see {@code io.bindery.telemetry.AlwaysRecordSampler}).
 */
public final class BillingProcessor implements SpanProcessor {

    /** The reason given when a trace outlives the maximum trace age. */
    public static final String MAX_TRACE_AGE = "max-trace-age";
    /** The reason given when too many traces are open at once. */
    public static final String MAX_OPEN_TRACES = "max-open-traces";
    /** The reason given for traces still open at shutdown. */
    public static final String SHUTDOWN = "shutdown";
    /** The reason given for traces still open at a forced flush. */
    public static final String FLUSH = "flush";

    private static final long SUMMARY_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ConcurrentHashMap<String, TraceState> open = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BillingSink> sinks;
    private final CompletedTraces completed;
    private final Clock clock;
    private final long maxTraceAgeNanos;
    private final int maxOpenTraces;
    private final BillingLog log;
    private final ReentrantLock evictLock = new ReentrantLock();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Counters counters = new Counters();
    private final RecordDispatcher dispatcher;

    private BillingProcessor(Builder builder) {
        this.sinks = new CopyOnWriteArrayList<>(builder.sinks);
        this.completed = new CompletedTraces(builder.rememberCompleted);
        this.clock = builder.clock;
        this.maxTraceAgeNanos = builder.maxTraceAge.toNanos();
        this.maxOpenTraces = builder.maxOpenTraces;
        this.log = new BillingLog(SUMMARY_PERIOD_NANOS, clock.nanoTime());
        this.dispatcher = new RecordDispatcher(builder.queueCapacity,
                builder.sweepInterval.toNanos(), new DispatcherWork());
    }

    /**
     * Creates a processor with the defaults and no sink.
     *
     * @return a started processor
     */
    public static BillingProcessor create() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults: max trace age 60 s, 10,000 open traces, the system
     * clock, a 1 s sweep interval.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a sink that receives every record emitted from now on.
     *
     * @param sink the sink; must be thread-safe and must not block
     */
    public void addSink(BillingSink sink) {
        sinks.add(Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Removes a sink added before.
     *
     * @param sink the sink
     * @return true if it was registered
     */
    public boolean removeSink(BillingSink sink) {
        return sinks.remove(sink);
    }

    /**
     * Returns how many traces are followed now.
     *
     * @return the number of open traces
     */
    public int openTraces() {
        return Math.max(0, open.size() - dispatcher.waiting());
    }

    /**
     * Returns a copy of the counters.
     *
     * @return the counters now; never null
     */
    public BillingStats stats() {
        return counters.snapshot(openTraces());
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        try {
            started(span);
        } catch (Throwable error) {
            internalError(error);
        }
    }

    @Override
    public void onEnd(ReadableSpan span) {
        try {
            ended(span);
        } catch (Throwable error) {
            internalError(error);
        }
    }

    /**
     * Bills every open trace as incomplete ({@code flush}) and waits for the sinks.
     *
     * @return a result that succeeds once every emitted record reached the sinks
     */
    @Override
    public CompletableResultCode forceFlush() {
        giveUpAll(FLUSH);
        return dispatcher.flush();
    }

    /**
     * Stops following traces: bills every open trace as incomplete ({@code shutdown}),
     * delivers all records, then stops the billing thread. Later calls do nothing.
     *
     * @return a result that succeeds once every record reached the sinks
     */
    @Override
    public CompletableResultCode shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return dispatcher.flush();
        }
        giveUpAll(SHUTDOWN);
        var result = dispatcher.flush();
        result.whenComplete(dispatcher::stop);
        return result;
    }

    @Override
    public String toString() {
        return "BillingProcessor{maxTraceAge=" + Duration.ofNanos(maxTraceAgeNanos)
                + ", maxOpenTraces=" + maxOpenTraces + ", sinks=" + sinks.size()
                + ", openTraces=" + openTraces() + "}";
    }

    /** Checks trace ages now; the billing thread calls it every sweep interval. */
    void sweep() {
        long now = clock.nanoTime();
        for (var trace : open.values()) {
            if (now - trace.openedTicks >= maxTraceAgeNanos && giveUp(trace, MAX_TRACE_AGE)) {
                log.maxAge(trace.traceId, TimeUnit.NANOSECONDS.toMillis(maxTraceAgeNanos));
            }
        }
        log.summarise(stats(), now);
    }

    private void started(ReadWriteSpan span) {
        var context = span.getSpanContext();
        var traceId = context.getTraceId();
        var parent = span.getParentSpanContext();
        boolean localRoot = !parent.isValid() || parent.isRemote();
        var trace = open.get(traceId);
        byte kind = SpanKinds.UNKNOWN;
        if ((trace == null || trace.done()) && localRoot && isRequest(span)
                && !stopped.get()) {
            trace = openTrace(traceId, context.getSpanId());
            kind = SpanKinds.REQUEST;
        }
        if (trace == null) {
            unknown(traceId);
            return;
        }
        var parentId = localRoot ? null : parent.getSpanId();
        count(trace.start(context.getSpanId(), parentId, span, kind));
    }

    private static boolean isRequest(ReadableSpan span) {
        return SpanKinds.of(span.getAttribute(SpanKinds.BINDERY_SPAN)) == SpanKinds.REQUEST;
    }

    private void ended(ReadableSpan span) {
        var traceId = span.getSpanContext().getTraceId();
        var trace = open.get(traceId);
        if (trace == null) {
            unknown(traceId);
            return;
        }
        if (trace.done()) {
            counters.late.increment();
            return;
        }
        int result = trace.end(span.toSpanData());
        if (result == TraceState.COMPLETED) {
            finish(trace);
        } else {
            count(result);
        }
    }

    /**
     * Opens a trace at its request span. A request span seen before (a repeated delivery) gets
     * the billed or finishing trace back, so it counts as late; a new request span that
     * continues a trace id already billed opens a new trace, billed in its own record.
     */
    private TraceState openTrace(String traceId, String requestSpanId) {
        var trace = open.compute(traceId, (id, current) -> {
            if (current != null
                    && (!current.done() || current.requestSpanId.equals(requestSpanId))) {
                return current;
            }
            return completed.billed(id, requestSpanId) ? current
                    : new TraceState(id, requestSpanId, clock.nanoTime());
        });
        if (trace != null && openTraces() > maxOpenTraces) {
            evictOldest();
        }
        return trace;
    }

    private void unknown(String traceId) {
        if (completed.contains(traceId)) {
            counters.late.increment();
        } else {
            counters.orphans.increment();
        }
    }

    private void count(int result) {
        if (result == TraceState.LATE) {
            counters.late.increment();
        } else if (result == TraceState.DUPLICATE) {
            counters.duplicates.increment();
        } else if (result == TraceState.UNKNOWN_SPAN) {
            counters.orphans.increment();
        }
    }

    private void evictOldest() {
        if (!evictLock.tryLock()) {
            return;
        }
        try {
            int excess = openTraces() - maxOpenTraces;
            if (excess > 0) {
                for (var trace : oldest(excess + maxOpenTraces / 100)) {
                    giveUp(trace, MAX_OPEN_TRACES);
                }
                log.maxOpen(maxOpenTraces);
            }
        } finally {
            evictLock.unlock();
        }
    }

    private List<TraceState> oldest(int count) {
        var newestFirst = new PriorityQueue<TraceState>(count + 1,
                Comparator.comparingLong((TraceState t) -> t.openedTicks).reversed());
        for (var trace : open.values()) {
            if (trace.done()) {
                continue;
            }
            newestFirst.add(trace);
            if (newestFirst.size() > count) {
                newestFirst.poll();
            }
        }
        return new ArrayList<>(newestFirst);
    }

    private void giveUpAll(String reason) {
        for (var trace : open.values()) {
            giveUp(trace, reason);
        }
    }

    private boolean giveUp(TraceState trace, String reason) {
        if (!trace.close(reason)) {
            return false;
        }
        counters.incomplete(reason).increment();
        finish(trace);
        return true;
    }

    /**
     * Hands a finished trace to the billing thread. It stays in the open map, marked done, so
     * late spans see it; the billing thread moves it to the completed set.
     */
    private void finish(TraceState trace) {
        if (!dispatcher.offer(trace)) {
            counters.inline.increment();
            deliver(trace);
        }
    }

    private void deliver(TraceState trace) {
        completed.add(trace.traceId, trace.requestSpanId);
        open.remove(trace.traceId, trace);
        BillingRecord record;
        try {
            record = RecordBuilder.build(trace, clock);
        } catch (Throwable error) {
            internalError(error);
            return;
        }
        counters.emitted.increment();
        for (var sink : sinks) {
            try {
                sink.accept(record);
            } catch (Throwable error) {
                counters.dropped.increment();
                log.sinkFailure(sink, error);
            }
        }
    }

    private void internalError(Throwable error) {
        counters.errors.increment();
        log.internalError(error);
    }

    private BillingProcessor start() {
        dispatcher.start();
        return this;
    }

    /** Connects the billing thread to this processor. */
    private final class DispatcherWork implements RecordDispatcher.Work {
        @Override
        public void deliver(TraceState trace) {
            BillingProcessor.this.deliver(trace);
        }

        @Override
        public void sweep() {
            BillingProcessor.this.sweep();
        }

        @Override
        public void failed(Throwable error) {
            internalError(error);
        }
    }

    /** Holds the processor's counters; each a {@link LongAdder} so spans never contend. */
    private static final class Counters {
        final LongAdder emitted = new LongAdder();
        final LongAdder maxAge = new LongAdder();
        final LongAdder maxOpen = new LongAdder();
        final LongAdder shutdown = new LongAdder();
        final LongAdder flush = new LongAdder();
        final LongAdder late = new LongAdder();
        final LongAdder orphans = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final LongAdder inline = new LongAdder();
        final LongAdder errors = new LongAdder();

        LongAdder incomplete(String reason) {
            return switch (reason) {
                case MAX_TRACE_AGE -> maxAge;
                case MAX_OPEN_TRACES -> maxOpen;
                case SHUTDOWN -> shutdown;
                default -> flush;
            };
        }

        BillingStats snapshot(int openTraces) {
            return new BillingStats(emitted.sum(), maxAge.sum(), maxOpen.sum(), shutdown.sum(),
                    flush.sum(), late.sum(), orphans.sum(), duplicates.sum(), dropped.sum(),
                    inline.sum(), errors.sum(), openTraces);
        }
    }

    /**
     * Configures a {@link BillingProcessor}; not thread-safe, use it on one thread.
     */
    public static final class Builder {
        private Duration maxTraceAge = Duration.ofSeconds(60);
        private int maxOpenTraces = 10_000;
        private int rememberCompleted = 16_384;
        private int queueCapacity = 8_192;
        private Duration sweepInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.getDefault();
        private final List<BillingSink> sinks = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets how long a trace may stay open before it is billed incomplete.
         *
         * @param maxTraceAge a positive duration; default 60 s, above the 30 s background limit
         * @return this builder
         */
        public Builder maxTraceAge(Duration maxTraceAge) {
            this.maxTraceAge = positive(maxTraceAge, "maxTraceAge");
            return this;
        }

        /**
         * Sets how many traces may be open at once before the oldest are billed incomplete.
         *
         * @param maxOpenTraces at least 1; default 10,000
         * @return this builder
         */
        public Builder maxOpenTraces(int maxOpenTraces) {
            this.maxOpenTraces = atLeastOne(maxOpenTraces, "maxOpenTraces");
            return this;
        }

        /**
         * Sets how many billed trace ids are remembered to recognise late spans.
         *
         * @param rememberCompleted at least 1; default 16,384
         * @return this builder
         */
        public Builder rememberCompleted(int rememberCompleted) {
            this.rememberCompleted = atLeastOne(rememberCompleted, "rememberCompleted");
            return this;
        }

        /**
         * Sets how many finished traces may wait for the billing thread; past it the thread
         * that ends a trace builds and delivers its record itself (nothing is dropped).
         *
         * @param queueCapacity at least 1; default 8,192
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = atLeastOne(queueCapacity, "queueCapacity");
            return this;
        }

        /**
         * Sets how often the billing thread checks trace ages.
         *
         * @param sweepInterval a positive duration; default 1 s
         * @return this builder
         */
        public Builder sweepInterval(Duration sweepInterval) {
            this.sweepInterval = positive(sweepInterval, "sweepInterval");
            return this;
        }

        /**
         * Sets the clock whose {@link Clock#nanoTime()} measures trace ages; for tests.
         *
         * @param clock the clock; default {@link Clock#getDefault()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a sink.
         *
         * @param sink the sink; thread-safe and non-blocking
         * @return this builder
         */
        public Builder addSink(BillingSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Builds the processor and starts its billing thread (a daemon).
         *
         * @return the processor
         */
        public BillingProcessor build() {
            return new BillingProcessor(this).start();
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got "
                        + value + "; pass for example Duration.ofSeconds(60).");
            }
            return value;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value
                        + "; pass a positive number.");
            }
            return value;
        }
    }
}
