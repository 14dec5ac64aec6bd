package io.bindery.server.runtime;

/**
 * Remembers which request the current thread works for, so that a service binding, which is
 * shared by all requests, knows whose invocation it starts.
 *
 * <p>Set by {@link WorkerInvoker} around each handler and by {@link TrackedTask} around each
 * background task; a binding called from any other thread has no scope.
 */
final class CurrentScope {

    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    private CurrentScope() {
    }

    static RequestScope enter(RequestScope scope) {
        RequestScope previous = CURRENT.get();
        CURRENT.set(scope);
        return previous;
    }

    static void restore(RequestScope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    static RequestScope get() {
        return CURRENT.get();
    }
}
