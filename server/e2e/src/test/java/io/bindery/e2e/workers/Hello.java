package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Answers 200 with a greeting at once. */
public final class Hello implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.text(200, "hello\n");
    }
}
