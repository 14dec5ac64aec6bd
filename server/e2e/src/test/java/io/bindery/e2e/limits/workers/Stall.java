package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.concurrent.CountDownLatch;

/** Waits on a latch no one releases, until it is interrupted. */
public final class Stall implements Worker {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        NEVER.await();
        return Response.text(200, "released\n");
    }
}
