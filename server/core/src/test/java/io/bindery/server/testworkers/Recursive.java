package io.bindery.server.testworkers;

import io.bindery.worker.BindingException;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Calls itself through the binding {@code self} until the platform refuses. */
public final class Recursive implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        try {
            return env.binding("self").fetch(request);
        } catch (BindingException e) {
            return Response.text(508, e.kind() + ": " + e.getMessage());
        }
    }
}
