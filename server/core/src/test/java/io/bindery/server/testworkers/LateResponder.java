package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Registers a background task that waits until it is interrupted, then itself takes the
 * number of milliseconds in the query before it answers, recording both moments in
 * {@link LimitProbe}.
 */
public final class LateResponder implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        ctx.waitUntil(() -> {
            try {
                LimitProbe.never.await();
            } catch (InterruptedException e) {
                LimitProbe.TASK_INTERRUPTED_AT.set(System.nanoTime());
                throw e;
            }
        });
        Thread.sleep(Long.parseLong(request.url().getQuery()));
        LimitProbe.RESPONDED_AT.set(System.nanoTime());
        return Response.text(200, "late");
    }
}
