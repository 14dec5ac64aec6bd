package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Serves {@link Greeting}; its fetch handler is never used. */
public final class GreetingWorker implements Worker, Greeting {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.status(404);
    }

    @Override
    public String greet(String name) {
        return "Hello, " + name;
    }
}
