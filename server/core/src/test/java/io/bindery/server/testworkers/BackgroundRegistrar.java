package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Registers a background task that waits for {@link Probe#release}, then answers at once.
 */
public final class BackgroundRegistrar implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        ctx.waitUntil(() -> {
            Probe.started.countDown();
            try {
                Probe.release.await();
                Probe.FINISHED.set(true);
            } catch (InterruptedException e) {
                Probe.INTERRUPTED.set(true);
                throw e;
            }
        });
        return Response.text(202, "registered");
    }
}
