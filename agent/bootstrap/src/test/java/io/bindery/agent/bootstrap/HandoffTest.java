package io.bindery.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks how tasks and threads carry the request frame, and which do not. */
class HandoffTest {

    @AfterEach
    void clear() {
        ThreadState.swap(null);
    }

    @Test
    void taskIsNotWrappedOutsideARequest() {
        Runnable task = () -> { };

        assertThat(Handoff.wrap(task, null)).isSameAs(task);
    }

    @Test
    void wrappedTaskRunsInTheFrameAndRestoresThePreviousOne() throws Exception {
        var frame = new RecordingFrame("request");
        var seen = new AtomicReference<RequestFrame>();
        Runnable wrapped = Handoff.wrap(() -> seen.set(ThreadState.currentFrame()), frame);

        Thread thread = new Thread(wrapped, "pool-thread");
        thread.start();
        thread.join();

        assertThat(seen.get()).isSameAs(frame);
        assertThat(frame.events).containsExactly("open on pool-thread");
        assertThat(Handoff.wrap(wrapped, frame)).isSameAs(wrapped);
    }

    @Test
    void wrappedCallableReturnsItsResultInTheFrame() throws Exception {
        var frame = new RecordingFrame("request");
        Callable<RequestFrame> task = Handoff.wrap(ThreadState::currentFrame, frame);

        assertThat(task.call()).isSameAs(frame);
        assertThat(ThreadState.currentFrame()).isNull();
    }

    @Test
    void startedThreadGetsTheStartersFrameOnce() throws Exception {
        var frame = new RecordingFrame("request");
        ThreadState.swap(frame);
        var seen = new AtomicReference<RequestFrame>();
        Thread thread = new Thread(() -> {
            FrameScope scope = Handoff.threadRunning(Thread.currentThread());
            seen.set(ThreadState.currentFrame());
            Handoff.close(scope);
        });

        Handoff.threadStarting(thread);
        thread.start();
        thread.join();

        assertThat(seen.get()).isSameAs(frame);
        assertThat(Handoff.threadRunning(thread)).isNull();
    }

    @Test
    void workInsideAnHttpFrameIsNotCarried() {
        var http = new RecordingFrame("http");
        Runnable task = () -> { };
        Thread thread = new Thread(task);
        ThreadState.swap(http);

        Handoff.threadStarting(thread);

        assertThat(Handoff.wrap(task, http)).isSameAs(task);
        assertThat(Handoff.threadRunning(thread)).isNull();
    }

    @Test
    void poolWorkerThreadsGetNoFrame() {
        ThreadState.swap(new RecordingFrame("request"));
        var pool = new ForkJoinPool(1);
        Thread worker = new ForkJoinWorkerThread(pool) { };

        Handoff.threadStarting(worker);

        assertThat(Handoff.threadRunning(worker)).isNull();
        pool.shutdownNow();
    }
}
