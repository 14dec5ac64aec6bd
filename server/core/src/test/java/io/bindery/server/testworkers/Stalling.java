package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Waits until it is interrupted, counting the interrupt in {@link LimitProbe}. */
public final class Stalling implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        LimitProbe.stalled.countDown();
        try {
            LimitProbe.never.await();
        } catch (InterruptedException e) {
            LimitProbe.INTERRUPTED.incrementAndGet();
            throw e;
        }
        return Response.text(200, "released");
    }
}
