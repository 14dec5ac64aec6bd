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
        tasks.start(new TrackedTask(worker.name(), worker.account(), task, scope,
                worker.loader(), tasks));
    }

    @Override
    public Response fetch(Request request) throws IOException {
        Objects.requireNonNull(request, "fetch needs a request; build one with Request.builder");
        scope.countSubrequest();
        return outbound.fetch(request);
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
