package io.bindery.agent.bootstrap;

/**
 * Stands for one span of a request that the agent made (request, worker, binding, background
 * or http): what the JDK hooks hand their measurements to.
 *
 * <p>Implemented by the agent's tooling. Implementations are thread-safe: a frame captured by
 * a hand-off is used on other threads while its owner still runs. No method throws.
 */
public interface RequestFrame {

    /**
     * Makes this frame current on the calling thread, for the OpenTelemetry context too.
     *
     * @return the scope to close, on the same thread, when the work is done
     */
    FrameScope open();

    /**
     * Records one blocking operation that ran while this frame was current: a span when it
     * took at least the threshold or failed, else an addition to this frame's short-I/O sums.
     *
     * @param op one of the {@link Io} operation codes
     * @param startNanos {@link System#nanoTime()} at the operation's start
     * @param endNanos {@link System#nanoTime()} at its end
     * @param error what the operation threw, or {@code null}
     */
    void io(int op, long startNanos, long endNanos, Throwable error);

    /**
     * Tells whether work handed to other threads in this frame carries it along. An http
     * frame does not: the hand-offs inside a JDK HTTP client call are the client's own
     * machinery, and the http span already times the whole wait.
     *
     * @return {@code true} when tasks and threads started in this frame get it
     */
    boolean handsOff();

    /**
     * Starts an http client span for an outbound request, unless this frame already is, or
     * lies inside, an http span.
     *
     * @param request a {@code java.net.http.HttpRequest} or a {@code java.net.HttpURLConnection}
     * @return the started call, or {@code null} when no span is made
     */
    ClientCall httpCall(Object request);
}
