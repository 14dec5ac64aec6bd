package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Records its thread and calls the binding {@code callee} with the very same request. */
public final class ProbeCaller implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Probe.CALLER_THREAD.set(Thread.currentThread());
        Probe.SENT.set(request);
        return env.binding("callee").fetch(request);
    }
}
