package io.bindery.agent.trace;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.function.BiConsumer;

/**
 * Reads and writes W3C trace context headers ({@code traceparent}, {@code tracestate}) with
 * OpenTelemetry's {@link W3CTraceContextPropagator}.
 */
public final class TraceHeaders {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<BiConsumer<String, String>> SETTER =
            (carrier, name, value) -> carrier.accept(name, value);

    private TraceHeaders() {
    }

    /**
     * Extracts the remote parent from incoming headers.
     *
     * @param carrier the headers
     * @param getter reads them
     * @param <C> the carrier's type
     * @return a context with the remote span when the {@code traceparent} is valid; the root
     *     context otherwise, which starts a new trace
     */
    public static <C> Context extract(C carrier, TextMapGetter<C> getter) {
        return W3C.extract(Context.root(), carrier, getter);
    }

    /**
     * Writes the context's span as {@code traceparent} (and {@code tracestate}, if any).
     *
     * @param context the context of the span that makes the call
     * @param headers receives each header name and value
     */
    public static void inject(Context context, BiConsumer<String, String> headers) {
        W3C.inject(context, headers, SETTER);
    }

    /**
     * Formats a {@code traceresponse} header value for a span.
     *
     * @param span the span's context
     * @return {@code 00-<trace id>-<span id>-<flags>}
     */
    public static String traceResponse(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }
}
