package io.bindery.agent.trace;

import io.bindery.agent.bootstrap.ClientCall;
import io.bindery.agent.bootstrap.FrameScope;
import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.bootstrap.RequestFrame;
import io.bindery.agent.bootstrap.ThreadState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.HttpURLConnection;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;

/**
 * Stands for one span the agent made for a request: its context, the trace's clock anchor and
 * the sums of short I/O that ran inside it.
 *
 * <p>Thread-safe: a frame captured by a hand-off is used on other threads while its owner
 * still runs; short-I/O sums are added atomically and written to the span when it ends, and
 * later additions are dropped. I/O spans are made after the fact, at the operation's end, with
 * timestamps derived from {@link System#nanoTime()} through the anchor of the trace's
 * request span, so they line up with the SDK's own timestamps of the same trace.
 */
public final class SpanFrame implements RequestFrame {

    private static final VarHandle SHORT_COUNT;
    private static final VarHandle SHORT_NANOS;
    private static volatile long ioThresholdNanos = 1_000_000L;

    static {
        try {
            var lookup = MethodHandles.lookup();
            SHORT_COUNT = lookup.findVarHandle(SpanFrame.class, "shortCount", long.class);
            SHORT_NANOS = lookup.findVarHandle(SpanFrame.class, "shortNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Tracer tracer;
    private final Span span;
    private final Context context;
    private final long epochOffset;
    private final boolean http;
    private volatile long shortCount;
    private volatile long shortNanos;

    private SpanFrame(Tracer tracer, Span span, Context context, long epochOffset,
            boolean http) {
        this.tracer = tracer;
        this.span = span;
        this.context = context;
        this.epochOffset = epochOffset;
        this.http = http;
    }

    /**
     * Sets the duration below which I/O makes no span; called once at agent start.
     *
     * @param nanos the threshold in nanoseconds
     */
    public static void useIoThreshold(long nanos) {
        ioThresholdNanos = nanos;
    }

    /**
     * Starts the local root span of a trace (the request span) and anchors the frame's clock
     * to the SDK's clock of that trace.
     *
     * @param tracer the tracer
     * @param builder the request span's builder, parent set
     * @param parent the context the span starts in
     * @return the frame of the started span
     */
    public static SpanFrame startRoot(Tracer tracer, SpanBuilder builder, Context parent) {
        long startEpoch = Clock.getDefault().now();
        Span span = builder.setStartTimestamp(startEpoch, TimeUnit.NANOSECONDS).startSpan();
        return new SpanFrame(tracer, span, parent.with(span), epochOffset(span, startEpoch),
                false);
    }

    /**
     * Starts a child span of this frame's span.
     *
     * @param name the span name
     * @param kind the span kind
     * @return a builder with parent and kind set
     */
    public SpanBuilder childBuilder(String name, SpanKind kind) {
        return tracer.spanBuilder(name).setParent(context).setSpanKind(kind);
    }

    /**
     * Wraps a started child span in a frame that shares this frame's clock anchor.
     *
     * @param child the child span
     * @param httpSpan whether the child is an http span, inside which no other is made
     * @return the child's frame
     */
    public SpanFrame child(Span child, boolean httpSpan) {
        return new SpanFrame(tracer, child, context.with(child), epochOffset, http || httpSpan);
    }

    /** @return whether this frame is, or lies inside, an http span */
    public boolean insideHttp() {
        return http;
    }

    /** @return the frame's span */
    public Span span() {
        return span;
    }

    /** @return the context holding the frame's span */
    public Context context() {
        return context;
    }

    @Override
    public FrameScope open() {
        RequestFrame previous = ThreadState.swap(this);
        Scope scope = context.makeCurrent();
        return new Opened(previous, scope);
    }

    @Override
    public void io(int op, long startNanos, long endNanos, Throwable error) {
        long nanos = endNanos - startNanos;
        if (error == null && nanos < ioThresholdNanos) {
            SHORT_COUNT.getAndAdd(this, 1L);
            SHORT_NANOS.getAndAdd(this, nanos);
            return;
        }
        RequestFrame hidden = ThreadState.suspend();
        try {
            ioSpan(op, startNanos, endNanos, error);
        } finally {
            ThreadState.resume(hidden);
        }
    }

    @Override
    public boolean handsOff() {
        return !http;
    }

    @Override
    public ClientCall httpCall(Object request) {
        if (http) {
            return null;
        }
        if (request instanceof HttpRequest jdkRequest) {
            return JdkHttp.start(this, jdkRequest);
        }
        if (request instanceof HttpURLConnection connection) {
            return JdkHttp.start(this, connection);
        }
        return null;
    }

    /**
     * Records a failure on the span without ending it.
     *
     * @param error the failure
     */
    public void fail(Throwable error) {
        Tracing.fail(span, error);
    }

    /**
     * Writes the short-I/O sums and ends the span; call once.
     *
     * @param error the failure to record, or {@code null}
     */
    public void end(Throwable error) {
        if (error != null) {
            Tracing.fail(span, error);
        }
        long count = shortCount;
        if (count > 0) {
            span.setAttribute(SpanKeys.SHORT_COUNT, count);
            span.setAttribute(SpanKeys.SHORT_NANOS, shortNanos);
        }
        Tracing.end(span);
    }

    private void ioSpan(int op, long startNanos, long endNanos, Throwable error) {
        Span io = childBuilder(Io.spanName(op), SpanKind.INTERNAL)
                .setStartTimestamp(startNanos + epochOffset, TimeUnit.NANOSECONDS)
                .setAttribute(SpanKeys.SPAN, "io")
                .setAttribute(SpanKeys.IO_OP, Io.key(op))
                .startSpan();
        if (error != null) {
            Tracing.fail(io, error);
        }
        io.end(endNanos + epochOffset, TimeUnit.NANOSECONDS);
    }

    /**
     * Returns epoch nanoseconds minus {@link System#nanoTime()} on the SDK's anchored clock of
     * the span's trace: the request span's start plus its latency, at a known nano time.
     */
    private static long epochOffset(Span span, long startEpoch) {
        if (span instanceof ReadableSpan readable) {
            long before = System.nanoTime();
            long latency = readable.getLatencyNanos();
            long after = System.nanoTime();
            return startEpoch + latency - (before + ((after - before) >> 1));
        }
        return startEpoch - System.nanoTime();
    }

    /** Restores what was current before {@link #open()}. */
    private record Opened(RequestFrame previous, Scope scope) implements FrameScope {

        @Override
        public void close() {
            try {
                scope.close();
            } finally {
                ThreadState.swap(previous);
            }
        }
    }
}
