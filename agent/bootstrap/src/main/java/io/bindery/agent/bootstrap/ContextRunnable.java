package io.bindery.agent.bootstrap;

/** Runs a task with the request frame that was current when it was handed over. */
final class ContextRunnable implements Runnable {

    private final Runnable task;
    private final RequestFrame frame;

    ContextRunnable(Runnable task, RequestFrame frame) {
        this.task = task;
        this.frame = frame;
    }

    @Override
    public void run() {
        FrameScope scope = frame.open();
        try {
            task.run();
        } finally {
            scope.close();
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
