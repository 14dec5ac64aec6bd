package io.bindery.agent.instrumentation.request;

import io.bindery.agent.trace.ActiveSpan;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.SpanKeys;
import io.bindery.agent.trace.TraceHeaders;
import io.bindery.agent.trace.Tracing;
import io.bindery.server.runtime.RequestScope;
import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Starts and completes request spans for the dispatch advice.
 *
 * <p>Called on the request's own thread; thread-safe.
 */
public final class RequestSpans {

    /** The response header that names the request's trace and span. */
    public static final String TRACE_RESPONSE = "traceresponse";

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return carrier.names();
        }

        @Override
        public String get(Headers carrier, String key) {
            return carrier == null ? null : carrier.first(key).orElse(null);
        }
    };

    private RequestSpans() {
    }

    /**
     * Starts the request span, makes it current and gives the scope its trace id.
     *
     * @param scope the request's scope
     * @param request the incoming request
     * @return the active span, or {@code null} when no SDK is installed
     */
    public static ActiveSpan start(RequestScope scope, Request request) {
        Tracer tracer = Tracing.tracer();
        if (tracer == null) {
            return null;
        }
        Context parent = TraceHeaders.extract(request.headers(), HEADERS);
        SpanBuilder builder = tracer.spanBuilder(request.method())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(SpanKeys.SPAN, "request")
                .setAttribute(SpanKeys.HTTP_METHOD, request.method())
                .setAttribute(SpanKeys.URL_PATH, request.path());
        SpanFrame frame = SpanFrame.startRoot(tracer, builder, parent);
        SpanContext span = frame.span().getSpanContext();
        if (span.isValid()) {
            scope.useTraceId(span.getTraceId());
        }
        return ActiveSpan.open(frame);
    }

    /**
     * Names the span after its route, sets what routing and the response tell, ends it, and
     * adds the {@code traceresponse} header.
     *
     * @param active what {@link #start} returned
     * @param scope the request's scope
     * @param request the incoming request
     * @param response the response, or {@code null} when dispatch threw
     * @param error what dispatch threw, or {@code null}
     * @return the response to send
     */
    public static Response end(ActiveSpan active, RequestScope scope, Request request,
            Response response, Throwable error) {
        Span span = active.frame().span();
        describe(span, scope, request.method());
        if (response != null) {
            status(span, response.status());
        }
        active.close(error);
        if (response == null || !span.getSpanContext().isValid()) {
            return response;
        }
        return response.toBuilder()
                .header(TRACE_RESPONSE, TraceHeaders.traceResponse(span.getSpanContext()))
                .build();
    }

    private static void describe(Span span, RequestScope scope, String method) {
        String route = scope.route();
        if (route != null) {
            span.setAttribute(SpanKeys.HTTP_ROUTE, route);
            span.updateName(method + " " + route);
        }
        setIfPresent(span, SpanKeys.ACCOUNT, scope.account());
        setIfPresent(span, SpanKeys.WORKER, scope.entryWorker());
        span.setAttribute(SpanKeys.REQUEST_ID, scope.requestId());
    }

    private static void status(Span span, int status) {
        span.setAttribute(SpanKeys.HTTP_STATUS, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(SpanKeys.ERROR_TYPE, Integer.toString(status));
        }
    }

    private static void setIfPresent(Span span, AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
