package io.bindery.agent.instrumentation.background;

import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.SpanKeys;
import io.bindery.server.runtime.TrackedTask;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the background spans of registered tasks from registration until their run begins.
 *
 * <p>Thread-safe: registration and run happen on different threads. A task's entry is removed
 * when its run begins; the server calls {@code run()} exactly once, even for a cancelled task.
 */
public final class BackgroundSpans {

    private static final Map<Key, SpanFrame> REGISTERED = new ConcurrentHashMap<>();

    private BackgroundSpans() {
    }

    /**
     * Starts the background span of a task just constructed, inside the current request.
     *
     * @param task the {@code TrackedTask}
     */
    public static void register(Object task) {
        if (!(ThreadState.currentFrame() instanceof SpanFrame parent)
                || !(task instanceof TrackedTask tracked)) {
            return;
        }
        var builder = parent.childBuilder("waitUntil " + tracked.worker(), SpanKind.INTERNAL)
                .setAttribute(SpanKeys.SPAN, "background")
                .setAttribute(SpanKeys.WORKER, tracked.worker())
                .setAttribute(SpanKeys.WORKER_VERSION, String.valueOf(tracked.version()));
        if (tracked.account() != null) {
            builder.setAttribute(SpanKeys.ACCOUNT, tracked.account());
        }
        Span span = builder.startSpan();
        REGISTERED.put(new Key(task), parent.child(span, false));
    }

    /**
     * Makes a task's background span current on the background thread.
     *
     * @param task the {@code TrackedTask}
     * @return the active span, or {@code null} when the task has none
     */
    public static ActiveSpan begin(Object task) {
        if (REGISTERED.isEmpty()) {
            return null;
        }
        SpanFrame frame = REGISTERED.remove(new Key(task));
        return frame == null ? null : ActiveSpan.open(frame);
    }

    /**
     * Records a task's failure on the span current on this thread, its background span.
     *
     * @param failure what the task threw
     */
    public static void failed(Throwable failure) {
        if (ThreadState.currentFrame() instanceof SpanFrame frame) {
            frame.fail(failure);
        }
    }

    /** Compares tasks by identity. */
    private record Key(Object task) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.task == task;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(task);
        }
    }
}
