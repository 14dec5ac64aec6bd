package io.bindery.agent.instrumentation.http;

import io.bindery.agent.bootstrap.ActiveCall;
import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.trace.HttpCall;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.TraceHeaders;
import io.bindery.worker.Request;

/** Starts http spans for the platform's outbound fetches; called on the fetching thread. */
public final class OutboundSpans {

    private OutboundSpans() {
    }

    /**
     * Starts the span of an outbound fetch, makes it current and prepares a copy of the
     * request that carries {@code traceparent} and {@code tracestate}.
     *
     * @param request the worker's request
     * @return the active call, whose request is the copy; {@code null} outside a request or
     *     inside another http span
     */
    public static ActiveCall start(Request request) {
        if (!(ThreadState.currentFrame() instanceof SpanFrame parent) || parent.insideHttp()) {
            return null;
        }
        HttpCall call = HttpCall.start(parent, request.method(), request.url(), context -> {
            Request.Builder copy = request.toBuilder();
            TraceHeaders.inject(context, copy::header);
            return copy.build();
        });
        return new ActiveCall(call, call.open());
    }
}
