package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.time.Duration;

/** Sleeps 30 ms, then answers 200 with its own name. */
public final class Sleeper implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        Thread.sleep(Duration.ofMillis(30));
        return Response.text(200, env.workerName());
    }
}
