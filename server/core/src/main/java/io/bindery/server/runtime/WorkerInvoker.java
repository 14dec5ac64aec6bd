package io.bindery.server.runtime;

import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Runs worker handlers, for incoming requests and for service binding calls alike, on the
 * deployed versions of the request's snapshot.
 *
 * <p>Thread-safe. {@link #invoke} runs the handler on the calling thread, with the worker's
 * class loader as the thread's context class loader, and marks the thread as working for the
 * request's scope for the duration of the call: outside background tasks, the thread is
 * registered with the scope, so that the request's wall-time limit can interrupt it.
 * Invocations are counted against {@code maxInvocations} by the callers: the dispatcher for
 * the entry worker, the binding stub for bound ones.
 */
public final class WorkerInvoker {

    private final BackgroundTasks tasks;
    private final OutboundFetch outbound;
    private final ThreadLocal<Deployment> staging = new ThreadLocal<>();
    private volatile Deployment current;

    WorkerInvoker(BackgroundTasks tasks, OutboundFetch outbound) {
        this.tasks = tasks;
        this.outbound = outbound;
    }

    /**
     * Runs one worker handler: entry or bound. Exceptions from the handler propagate.
     *
     * @param invocation which worker runs and why; its version is the one of the request's
     *     snapshot
     * @param request the request handed to the handler
     * @param scope the incoming request this invocation belongs to
     * @return the handler's response, never {@code null}
     * @throws Exception whatever the handler throws; {@link IllegalStateException} when it
     *     returns {@code null}; {@link LimitExceededException} when the request's wall time
     *     is over before the handler starts
     */
    public Response invoke(Invocation invocation, Request request, RequestScope scope)
            throws Exception {
        DeployedWorker worker = scope.deployment().worker(invocation.worker());
        var context = new InvocationContext(worker, scope, tasks, outbound);
        return checked(worker, run(worker, scope,
                target -> target.fetch(request, worker.env(), context)));
    }

    /**
     * Runs one typed call of a worker, as {@link #invoke(Invocation, Request, RequestScope)}
     * runs its handler: same thread, class loader and scope.
     *
     * @param invocation which worker runs and why
     * @param call what to run on the worker object
     * @param scope the incoming request this invocation belongs to
     * @return what {@code call} returns
     * @throws Exception whatever {@code call} throws
     */
    public Object invoke(Invocation invocation, Call call, RequestScope scope) throws Exception {
        return run(scope.deployment().worker(invocation.worker()), scope, call::run);
    }

    private <T> T run(DeployedWorker worker, RequestScope scope, Body<T> body)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        RequestScope.ThreadLease lease = CurrentScope.background() ? null : scope.enterThread();
        CurrentScope.Entry previousScope = CurrentScope.enter(scope);
        thread.setContextClassLoader(worker.loader());
        try {
            return body.run(worker.worker());
        } finally {
            thread.setContextClassLoader(previousLoader);
            if (lease != null) {
                lease.close();
            }
            CurrentScope.restore(previousScope);
        }
    }

    /** @return the snapshot new requests run on */
    Deployment current() {
        return current;
    }

    /**
     * Returns the snapshot that code outside a request sees: the one being validated on this
     * thread during an activation, else the current one.
     */
    Deployment visible() {
        Deployment staged = staging.get();
        return staged != null ? staged : current;
    }

    /**
     * Captures the current snapshot for a request or task, holding it until released.
     *
     * @return the held snapshot
     */
    Deployment acquire() {
        while (true) {
            Deployment snapshot = current;
            if (snapshot.tryAcquire()) {
                return snapshot;
            }
        }
    }

    /** Makes a snapshot current; the caller retires the one it replaces. */
    void publish(Deployment snapshot) {
        this.current = snapshot;
    }

    /** Makes a snapshot visible to this thread alone while its workers start. */
    void stage(Deployment snapshot) {
        if (snapshot == null) {
            staging.remove();
        } else {
            staging.set(snapshot);
        }
    }

    private static Response checked(DeployedWorker worker, Response response) {
        if (response == null) {
            throw new IllegalStateException("The worker '" + worker.name() + "' returned null "
                    + "from fetch; return a Response, such as Response.status(204).");
        }
        return response;
    }

    /** Runs one typed call on a worker object; see {@link ServiceBindingStub#call}. */
    @FunctionalInterface
    public interface Call {

        /**
         * Runs the call.
         *
         * @param worker the target worker object
         * @return the call's result
         * @throws Exception whatever the worker throws
         */
        Object run(Worker worker) throws Exception;
    }

    private interface Body<T> {
        T run(Worker worker) throws Exception;
    }
}
