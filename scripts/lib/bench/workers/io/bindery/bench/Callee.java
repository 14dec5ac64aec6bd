package io.bindery.bench;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Answers every request with the same small JSON body, and every typed {@link Lookup} call
 * with the same name: the far end of a measured hop.
 */
public final class Callee implements Worker, Lookup {

    private static final String BODY = "{\"id\":42,\"name\":\"callee\"}";

    /** Creates the worker; it holds no state. */
    public Callee() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.json(200, BODY);
    }

    @Override
    public String name(int id) {
        return "callee";
    }
}
