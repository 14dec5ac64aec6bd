package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Asks for a binding its configuration does not declare and answers with the message. */
public final class UndeclaredBinding implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        try {
            env.binding("billing");
            return Response.text(200, "unexpected");
        } catch (IllegalArgumentException e) {
            return Response.text(200, e.getMessage());
        }
    }
}
