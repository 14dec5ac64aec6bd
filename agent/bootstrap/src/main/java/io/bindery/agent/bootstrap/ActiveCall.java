package io.bindery.agent.bootstrap;

/**
 * Pairs a started {@link ClientCall} with the scope that makes its span current, for advice
 * that can keep one value from method entry to exit.
 *
 * @param call the call
 * @param scope the scope opened on the calling thread
 */
public record ActiveCall(ClientCall call, FrameScope scope) {

    /**
     * Starts an http span for a JDK client request if a request frame is current and it is
     * not inside an http span already.
     *
     * @param request the {@code java.net.http.HttpRequest}
     * @return the active call, or {@code null}
     */
    public static ActiveCall start(Object request) {
        RequestFrame frame = ThreadState.currentFrame();
        if (frame == null) {
            return null;
        }
        ClientCall call = frame.httpCall(request);
        return call == null ? null : new ActiveCall(call, call.open());
    }

    /**
     * Restores the frame that was current before {@link #start(Object)}.
     */
    public void leave() {
        scope.close();
    }
}
