package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Hands the request to its binding {@code next} and returns that answer, letting any failure
 * through; bound to itself, or to a worker bound back to it, it recurses.
 */
public final class Chain implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return env.binding("next").fetch(request);
    }
}
