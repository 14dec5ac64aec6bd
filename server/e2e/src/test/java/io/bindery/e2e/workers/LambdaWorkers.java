package io.bindery.e2e.workers;

import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import io.bindery.worker.WorkerFactory;

/** Creates a worker written as a lambda, whose class is hidden and cannot be instrumented. */
public final class LambdaWorkers implements WorkerFactory {

    @Override
    public Worker create() {
        return (request, env, ctx) -> Response.text(200, "lambda\n");
    }
}
