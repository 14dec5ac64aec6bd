package io.bindery.server.runtime;

import io.bindery.worker.BackgroundTask;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.io.IOException;
import java.util.Objects;

/**
 * Implements {@link ExecutionContext} for one invocation of one worker.
 *
 * <p>Thread-safe; a worker may hand it to threads of its own and to its background tasks.
 */
final class InvocationContext implements ExecutionContext {

    private final DeployedWorker worker;
    private final RequestScope scope;
    private final BackgroundTasks tasks;
    private final OutboundFetch outbound;

    InvocationContext(DeployedWorker worker, RequestScope scope, BackgroundTasks tasks,
            OutboundFetch outbound) {
        this.worker = worker;
        this.scope = scope;
        this.tasks = tasks;
        this.outbound = outbound;
    }

    @Override
    public void waitUntil(BackgroundTask task) {
        Objects.requireNonNull(task, "waitUntil needs a task; pass a lambda such as () -> {...}");
        scope.countBackgroundTask();
        Deployment snapshot = scope.deployment();
        Deployment held = snapshot.tryAcquire() ? snapshot : null;
        tasks.start(new TrackedTask(worker, task, scope, tasks, held));
    }

    /**
     * Counts the fetch against the request's {@code maxSubrequests} and sends it; while it
     * waits, the thread is registered with the request, so that the request's wall-time limit
     * interrupts it.
     *
     * @throws LimitExceededException when the request has made all its subrequests, or its
     *     wall time is over
     */
    @Override
    public Response fetch(Request request) throws IOException {
        Objects.requireNonNull(request, "fetch needs a request; build one with Request.builder");
        RequestLimits limits = scope.limits();
        int max = limits == null ? Integer.MAX_VALUE : limits.maxSubrequests();
        if (!scope.trySubrequest(max)) {
            throw scope.violated(LimitErrors.subrequests(limits, worker.name(),
                    request.method() + " " + request.url()));
        }
        if (CurrentScope.background()) {
            return outbound.fetch(request);
        }
        try (var lease = scope.enterThread()) {
            return outbound.fetch(request);
        }
    }

    @Override
    public String requestId() {
        return scope.requestId();
    }

    @Override
    public String toString() {
        return "ExecutionContext[worker=" + worker.name() + ", request=" + scope.requestId() + "]";
    }
}
