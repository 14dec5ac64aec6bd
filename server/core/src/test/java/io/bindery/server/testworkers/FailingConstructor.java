package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Cannot be created: its constructor throws. */
public final class FailingConstructor implements Worker {

    /** Throws, always. */
    public FailingConstructor() {
        throw new IllegalStateException("no database configured");
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.status(204);
    }
}
