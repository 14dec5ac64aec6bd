package io.bindery.agent.bootstrap;

/**
 * Tracks one outbound HTTP call made through a JDK client while it has an http span.
 *
 * <p>Implemented by the agent's tooling; thread-safe. {@link #end} may come from another
 * thread than the start (asynchronous sends) and only the first call counts.
 */
public interface ClientCall {

    /**
     * Returns the request to send instead of the original: a copy that carries the
     * {@code traceparent} and {@code tracestate} headers.
     *
     * @return a {@code java.net.http.HttpRequest}, or {@code null} when nothing is replaced
     */
    Object request();

    /**
     * Makes the http span current on the calling thread.
     *
     * @return the scope to close on this thread
     */
    FrameScope open();

    /**
     * Ends the span.
     *
     * @param response a {@code java.net.http.HttpResponse}, an {@code Integer} status code, the
     *     {@code HttpURLConnection} whose response was read, or {@code null} when unknown
     * @param error the failure, or {@code null}
     */
    void end(Object response, Throwable error);

    /**
     * Ends the span when an asynchronous send completes.
     *
     * @param future the {@code CompletableFuture} of the response
     */
    void endWhenDone(Object future);
}
