package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Registers a background task that sleeps 200 ms and answers at once; with the query
 * {@code ?fail} the task throws instead.
 */
public final class Background implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        boolean fail = "fail".equals(request.url().getQuery());
        ctx.waitUntil(() -> {
            Thread.sleep(200);
            if (fail) {
                throw new IllegalStateException("background task failed on purpose");
            }
        });
        return Response.text(202, "accepted\n");
    }
}
