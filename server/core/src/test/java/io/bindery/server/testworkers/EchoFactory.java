package io.bindery.server.testworkers;

import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import io.bindery.worker.WorkerFactory;

/** Creates a lambda worker that answers "made by a factory". */
public final class EchoFactory implements WorkerFactory {

    @Override
    public Worker create() {
        return (request, env, ctx) -> Response.text(200, "made by a factory");
    }
}
