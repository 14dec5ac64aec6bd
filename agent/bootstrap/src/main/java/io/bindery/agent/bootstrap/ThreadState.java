package io.bindery.agent.bootstrap;

/**
 * Keeps the agent's state for one thread: the request frame current on it and the depth of
 * timed I/O operations in progress.
 *
 * <p>Only the owning thread reads or writes an instance, so the fields are plain. A thread
 * that never served a request has no instance at all, which makes the check every hook does
 * first, {@link #currentFrame()}, a single thread-local lookup.
 */
public final class ThreadState {

    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();

    /** The innermost agent span current on this thread; {@code null} outside requests. */
    RequestFrame frame;

    /** Greater than zero while an I/O operation is being timed; nested ones are ignored. */
    int ioDepth;

    private ThreadState() {
    }

    /**
     * Returns the frame current on the calling thread: the fast path of every hook.
     *
     * @return the frame, or {@code null} when no request context is current
     */
    public static RequestFrame currentFrame() {
        ThreadState state = STATE.get();
        return state == null ? null : state.frame;
    }

    /**
     * Makes a frame current on the calling thread.
     *
     * @param frame the frame, or {@code null} for none
     * @return the frame that was current before, to hand to a later call of this method
     */
    public static RequestFrame swap(RequestFrame frame) {
        ThreadState state = STATE.get();
        if (state == null) {
            if (frame == null) {
                return null;
            }
            state = new ThreadState();
            STATE.set(state);
        }
        RequestFrame previous = state.frame;
        state.frame = frame;
        return previous;
    }

    /**
     * Hides the current frame while the agent itself works (ends spans, exports), so that the
     * agent's own I/O and hand-offs are never instrumented: the re-entrancy guard.
     *
     * @return the hidden frame, to pass to {@link #resume(RequestFrame)}
     */
    public static RequestFrame suspend() {
        ThreadState state = STATE.get();
        if (state == null) {
            return null;
        }
        RequestFrame previous = state.frame;
        state.frame = null;
        return previous;
    }

    /**
     * Undoes {@link #suspend()}.
     *
     * @param frame what {@code suspend} returned
     */
    public static void resume(RequestFrame frame) {
        if (frame != null) {
            swap(frame);
        }
    }

    /** Returns the state of a thread that has a current frame, or {@code null}. */
    static ThreadState withFrame() {
        ThreadState state = STATE.get();
        return state == null || state.frame == null ? null : state;
    }
}
