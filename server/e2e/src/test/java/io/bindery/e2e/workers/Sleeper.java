package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.time.Duration;

/**
 * Sleeps, then answers 200 with its own name: 30 ms, or as many milliseconds as its variable
 * {@code SLEEP_MS} says.
 */
public final class Sleeper implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        long millis = env.variable("SLEEP_MS").map(Long::parseLong).orElse(30L);
        Thread.sleep(Duration.ofMillis(millis));
        return Response.text(200, env.workerName());
    }
}
