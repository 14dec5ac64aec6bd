package io.bindery.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the per-thread frame: swapping, hiding and restoring it. */
class ThreadStateTest {

    @AfterEach
    void clear() {
        ThreadState.swap(null);
    }

    @Test
    void threadWithoutFrameHasNone() {
        assertThat(ThreadState.currentFrame()).isNull();
        assertThat(ThreadState.suspend()).isNull();
    }

    @Test
    void swapReturnsThePreviousFrame() {
        var outer = new RecordingFrame("outer");
        var inner = new RecordingFrame("inner");

        assertThat(ThreadState.swap(outer)).isNull();
        assertThat(ThreadState.swap(inner)).isSameAs(outer);
        assertThat(ThreadState.currentFrame()).isSameAs(inner);
    }

    @Test
    void suspendHidesTheFrameUntilResumed() {
        var frame = new RecordingFrame("frame");
        ThreadState.swap(frame);

        RequestFrame hidden = ThreadState.suspend();
        assertThat(ThreadState.currentFrame()).isNull();
        ThreadState.resume(hidden);
        assertThat(ThreadState.currentFrame()).isSameAs(frame);
    }
}
