package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Answers 200 with the number of body bytes and header fields it received. */
public final class BodySize implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.text(200, request.bodyLength() + " bytes, "
                + request.headers().size() + " header fields\n");
    }
}
