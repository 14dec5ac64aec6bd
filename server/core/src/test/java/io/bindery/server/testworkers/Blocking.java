package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Signals {@link Probe#started}, waits for {@link Probe#release}, then answers 200. */
public final class Blocking implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        Probe.started.countDown();
        Probe.release.await();
        return Response.text(200, "finished");
    }
}
