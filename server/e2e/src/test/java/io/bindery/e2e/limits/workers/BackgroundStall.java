package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.concurrent.CountDownLatch;

/** Registers a background task that waits until it is interrupted, and answers 202 at once. */
public final class BackgroundStall implements Worker {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        ctx.waitUntil(NEVER::await);
        return Response.text(202, "accepted\n");
    }
}
