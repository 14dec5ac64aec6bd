package io.bindery.agent.bootstrap;

import java.util.concurrent.Callable;

/** Calls a task with the request frame that was current when it was handed over. */
final class ContextCallable<T> implements Callable<T> {

    private final Callable<T> task;
    private final RequestFrame frame;

    ContextCallable(Callable<T> task, RequestFrame frame) {
        this.task = task;
        this.frame = frame;
    }

    @Override
    public T call() throws Exception {
        FrameScope scope = frame.open();
        try {
            return task.call();
        } finally {
            scope.close();
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
