package io.bindery.billing.bench;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Makes the spans of one demo-like request, as the agent would: request, gateway worker,
 * binding, bound worker, outbound http, socket read, and a background task that ends last.
 */
final class RequestTraces {

    static final int SPANS = 7;

    private static final AttributeKey<String> KIND = AttributeKey.stringKey("bindery.span");
    private static final AttributeKey<String> WORKER = AttributeKey.stringKey("bindery.worker");
    private static final AttributeKey<String> ACCOUNT =
            AttributeKey.stringKey("bindery.account");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> METHOD =
            AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<Long> STATUS =
            AttributeKey.longKey("http.response.status_code");

    private RequestTraces() {
    }

    /** Starts the request span only; for measuring memory of open traces. */
    static Span startRequest(Tracer tracer) {
        return tracer.spanBuilder("GET /getuser").setSpanKind(SpanKind.SERVER)
                .setParent(Context.root()).setAttribute(KIND, "request")
                .setAttribute(ACCOUNT, "demo").setAttribute(WORKER, "api-gateway")
                .setAttribute(METHOD, "GET").setAttribute(ROUTE, "/getuser").startSpan();
    }

    /** Starts and ends {@code count} worker spans under the request. */
    static void endedChildren(Tracer tracer, Span request, int count) {
        var context = Context.root().with(request);
        for (int i = 0; i < count; i++) {
            child(tracer, context, "worker auth", "worker", "auth").end();
        }
    }

    /** Runs one whole request trace; every span ends. */
    static void run(Tracer tracer) {
        var request = startRequest(tracer);
        var gateway = child(tracer, Context.root().with(request), "worker api-gateway",
                "worker", "api-gateway");
        var inGateway = Context.root().with(gateway);
        var binding = child(tracer, inGateway, "binding auth", "binding", "api-gateway");
        child(tracer, Context.root().with(binding), "worker auth", "worker", "auth").end();
        binding.end();
        child(tracer, inGateway, "GET", "http", null).end();
        child(tracer, inGateway, "socket read", "io", null).end();
        var background = child(tracer, inGateway, "waitUntil api-gateway", "background",
                "api-gateway");
        gateway.end();
        request.setAttribute(STATUS, 200L);
        request.end();
        background.end();
    }

    private static Span child(Tracer tracer, Context parent, String name, String kind,
            String worker) {
        var builder = tracer.spanBuilder(name).setParent(parent).setAttribute(KIND, kind);
        if (worker != null) {
            builder.setAttribute(WORKER, worker);
        }
        return builder.startSpan();
    }
}
