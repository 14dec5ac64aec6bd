package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Calls {@link Greeting} through its binding {@code greeter} and answers the greeting. */
public final class GreetingCaller implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.text(200, env.service("greeter", Greeting.class).greet("world"));
    }
}
