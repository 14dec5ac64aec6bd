package io.bindery.server.runtime;

/**
 * Remembers which request the current thread works for, so that a service binding, which is
 * shared by all requests, knows whose invocation it starts; and whether the thread does
 * background work, which the request's wall-time limit does not interrupt.
 *
 * <p>Set by {@link WorkerInvoker} around each handler and by {@link TrackedTask} around each
 * background task. The value is inherited by threads started while it is set, so a worker may
 * fan binding calls out to virtual threads it starts itself ({@code Thread.ofVirtual()},
 * {@code Executors.newVirtualThreadPerTaskExecutor()}).
 *
 * <p>Note: a pool thread that is created while a request runs keeps that request's value for
 * its whole life; a binding called from it later is refused once that request has ended.
 * Call bindings from the worker's own thread, from threads it starts per request, or from
 * {@code ctx.waitUntil} tasks.
 */
final class CurrentScope {

    private static final InheritableThreadLocal<Entry> CURRENT = new InheritableThreadLocal<>();

    private CurrentScope() {
    }

    /**
     * Marks the current thread as working for a request, keeping its background flag.
     *
     * @param scope the request
     * @return what to pass to {@link #restore}
     */
    static Entry enter(RequestScope scope) {
        return enter(scope, background());
    }

    /**
     * Marks the current thread as working for a request.
     *
     * @param scope the request
     * @param background whether the thread runs background work
     * @return what to pass to {@link #restore}
     */
    static Entry enter(RequestScope scope, boolean background) {
        Entry previous = CURRENT.get();
        CURRENT.set(new Entry(scope, background));
        return previous;
    }

    static void restore(Entry previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    static RequestScope get() {
        Entry entry = CURRENT.get();
        return entry == null ? null : entry.scope();
    }

    static boolean background() {
        Entry entry = CURRENT.get();
        return entry != null && entry.background();
    }

    /** The request a thread works for, and whether it runs background work. */
    record Entry(RequestScope scope, boolean background) {
    }
}
