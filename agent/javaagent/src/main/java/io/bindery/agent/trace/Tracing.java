package io.bindery.agent.trace;

import io.bindery.agent.bootstrap.RequestFrame;
import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.telemetry.BinderyTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gives the agent its tracer and the few span operations shared by all instrumentation.
 *
 * <p>The tracer is {@code BinderyTelemetry.installed().tracer()}, looked up on every request
 * (a volatile read), so spans start as soon as the server has started its SDK and stop when
 * it closes it. Thread-safe.
 */
public final class Tracing {

    private static volatile Supplier<Tracer> source = Tracing::installedTracer;

    private Tracing() {
    }

    /**
     * Returns the tracer to make spans with.
     *
     * @return the tracer, or {@code null} when no SDK is installed: then no spans are made
     */
    public static Tracer tracer() {
        return source.get();
    }

    /**
     * Replaces where the tracer comes from; for tests that run without a server.
     *
     * @param tracers supplies the tracer, or {@code null}
     */
    public static void useTracerSource(Supplier<Tracer> tracers) {
        source = Objects.requireNonNull(tracers, "tracers");
    }

    /**
     * Marks a span failed: status ERROR, the exception recorded, {@code error.type} set.
     *
     * @param span the span
     * @param error the failure
     */
    public static void fail(Span span, Throwable error) {
        span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        span.recordException(error);
        span.setAttribute(SpanKeys.ERROR_TYPE, error.getClass().getName());
    }

    /**
     * Ends a span with the calling thread's request frame hidden, so that whatever the SDK
     * does on this thread (billing, exporting) is not instrumented.
     *
     * @param span the span
     */
    public static void end(Span span) {
        RequestFrame hidden = ThreadState.suspend();
        try {
            span.end();
        } finally {
            ThreadState.resume(hidden);
        }
    }

    private static Tracer installedTracer() {
        BinderyTelemetry telemetry = BinderyTelemetry.installed();
        return telemetry == null ? null : telemetry.tracer();
    }
}
