package io.bindery.agent.bootstrap;

/**
 * Undoes one {@link RequestFrame#open()}: restores the frame and context that were current.
 *
 * <p>Must be closed on the thread that opened it, in reverse order of opening.
 */
public interface FrameScope {

    /** Restores what was current before; never throws. */
    void close();
}
