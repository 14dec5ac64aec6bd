package io.bindery.agent.trace;

import io.bindery.agent.bootstrap.FrameScope;

/**
 * Pairs a frame with the scope that made it current, from a method's entry to its exit.
 *
 * @param frame the frame
 * @param scope the scope opened on the calling thread
 */
public record ActiveSpan(SpanFrame frame, FrameScope scope) {

    /**
     * Makes a frame current on the calling thread.
     *
     * @param frame the frame
     * @return the active span
     */
    public static ActiveSpan open(SpanFrame frame) {
        return new ActiveSpan(frame, frame.open());
    }

    /**
     * Restores the previous frame, then ends the span.
     *
     * @param error the failure to record, or {@code null}
     */
    public void close(Throwable error) {
        scope.close();
        frame.end(error);
    }
}
