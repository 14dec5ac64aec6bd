package io.bindery.agent.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows {@code HttpURLConnection}s from their first connecting call to the end of
 * {@code getInputStream()} (or {@code disconnect()}), one http span each.
 *
 * <p>A connection gets a span only when a request frame is current and it is not connected
 * yet, since the {@code traceparent} header must go out with the request. At most
 * {@value #MAX_OPEN} connections are followed at once; a connection that is never read nor
 * disconnected stays counted until then.
 */
public final class UrlConnections {

    private static final int MAX_OPEN = 10_000;
    private static final ConcurrentHashMap<Key, ClientCall> OPEN = new ConcurrentHashMap<>();

    private UrlConnections() {
    }

    /**
     * Makes the connection's span current, starting it on the first call.
     *
     * @param connection the {@code HttpURLConnection}
     * @param connected whether it is connected already
     * @return the scope to pass to {@link #exit}, or {@code null}
     */
    public static FrameScope enter(Object connection, boolean connected) {
        ClientCall call = OPEN.isEmpty() ? null : OPEN.get(new Key(connection));
        if (call == null) {
            call = start(connection, connected);
        }
        return call == null ? null : call.open();
    }

    /**
     * Restores the previous frame and, when the response has been read or the call failed,
     * ends the span.
     *
     * @param connection the connection
     * @param scope what {@link #enter} returned
     * @param responseCode the response code known so far, or -1
     * @param error what the method threw, or {@code null}
     * @param responseRead whether the call that ends here reads the response
     */
    public static void exit(Object connection, FrameScope scope, int responseCode,
            Throwable error, boolean responseRead) {
        if (scope == null) {
            return;
        }
        scope.close();
        if (responseRead || error != null) {
            finish(connection, responseCode, error);
        }
    }

    /**
     * Ends the span of a connection, if it has one.
     *
     * @param connection the connection
     * @param responseCode the response code known so far, or -1
     * @param error the failure, or {@code null}
     */
    public static void finish(Object connection, int responseCode, Throwable error) {
        if (OPEN.isEmpty()) {
            return;
        }
        ClientCall call = OPEN.remove(new Key(connection));
        if (call != null) {
            call.end(responseCode > 0 ? Integer.valueOf(responseCode) : connection, error);
        }
    }

    private static ClientCall start(Object connection, boolean connected) {
        RequestFrame frame = ThreadState.currentFrame();
        if (frame == null || connected || OPEN.size() >= MAX_OPEN) {
            return null;
        }
        ClientCall call = frame.httpCall(connection);
        if (call != null) {
            OPEN.put(new Key(connection), call);
        }
        return call;
    }

    /** Compares connections by identity. */
    private record Key(Object connection) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.connection == connection;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(connection);
        }
    }
}
