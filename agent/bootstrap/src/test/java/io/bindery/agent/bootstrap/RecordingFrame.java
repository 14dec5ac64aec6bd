package io.bindery.agent.bootstrap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the hooks hand a frame, for tests. */
final class RecordingFrame implements RequestFrame {

    final List<String> events = new CopyOnWriteArrayList<>();
    final String name;

    RecordingFrame(String name) {
        this.name = name;
    }

    @Override
    public FrameScope open() {
        RequestFrame previous = ThreadState.swap(this);
        events.add("open on " + Thread.currentThread().getName());
        return () -> ThreadState.swap(previous);
    }

    @Override
    public void io(int op, long startNanos, long endNanos, Throwable error) {
        events.add(Io.key(op) + (error == null ? "" : " failed"));
    }

    @Override
    public boolean handsOff() {
        return !name.startsWith("http");
    }

    @Override
    public ClientCall httpCall(Object request) {
        return null;
    }
}
