package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Calls the binding {@code failing} and lets its exception through. */
public final class PassingCaller implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return env.binding("failing").fetch(request);
    }
}
