package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Sleeps 20 ms, registers a background task that sleeps 50 ms, and answers 200: a request
 * that is in flight for a while and leaves work behind, for shutdown under load.
 */
public final class Busy implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        Thread.sleep(20);
        ctx.waitUntil(() -> Thread.sleep(50));
        return Response.text(200, "done\n");
    }
}
