package io.bindery.server.runtime;

import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.Map;

/**
 * Runs worker handlers, for incoming requests and for service binding calls alike.
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
    private volatile Map<String, DeployedWorker> workers = Map.of();

    WorkerInvoker(BackgroundTasks tasks, OutboundFetch outbound) {
        this.tasks = tasks;
        this.outbound = outbound;
    }

    /**
     * Runs one worker handler: entry or bound. Exceptions from the handler propagate.
     *
     * @param invocation which worker runs and why
     * @param request the request handed to the handler
     * @param scope the incoming request this invocation belongs to
     * @return the handler's response, never {@code null}
     * @throws Exception whatever the handler throws; {@link IllegalStateException} when it
     *     returns {@code null}; {@link LimitExceededException} when the request's wall time
     *     is over before the handler starts
     */
    public Response invoke(Invocation invocation, Request request, RequestScope scope)
            throws Exception {
        DeployedWorker worker = worker(invocation.worker());
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
        return run(worker(invocation.worker()), scope, call::run);
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

    void deploy(Map<String, DeployedWorker> deployed) {
        this.workers = Map.copyOf(deployed);
    }

    DeployedWorker worker(String name) {
        DeployedWorker worker = workers.get(name);
        if (worker == null) {
            throw new IllegalArgumentException("No worker named '" + name + "' is deployed; "
                    + "deployed workers are " + workers.keySet() + ".");
        }
        return worker;
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
