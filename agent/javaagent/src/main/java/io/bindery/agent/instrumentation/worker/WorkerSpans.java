package io.bindery.agent.instrumentation.worker;

import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.SpanKeys;
import io.bindery.server.runtime.Invocation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;

/** Starts worker spans inside the current request frame; called on the invoking thread. */
public final class WorkerSpans {

    private WorkerSpans() {
    }

    /**
     * Starts the span of one worker invocation and makes it current.
     *
     * @param invocation which worker runs and why
     * @return the active span, or {@code null} outside a request
     */
    public static ActiveSpan start(Invocation invocation) {
        if (!(ThreadState.currentFrame() instanceof SpanFrame parent)) {
            return null;
        }
        SpanBuilder builder = parent.childBuilder("worker " + invocation.worker(),
                        SpanKind.INTERNAL)
                .setAttribute(SpanKeys.SPAN, "worker")
                .setAttribute(SpanKeys.WORKER, invocation.worker())
                .setAttribute(SpanKeys.WORKER_VERSION, String.valueOf(invocation.version()))
                .setAttribute(SpanKeys.INVOCATION, invocation.entry() ? "entry" : "bound");
        if (invocation.account() != null) {
            builder.setAttribute(SpanKeys.ACCOUNT, invocation.account());
        }
        if (!invocation.entry() && invocation.binding() != null) {
            builder.setAttribute(SpanKeys.BINDING, invocation.binding());
        }
        Span span = builder.startSpan();
        return ActiveSpan.open(parent.child(span, false));
    }
}
