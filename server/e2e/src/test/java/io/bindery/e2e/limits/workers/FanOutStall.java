package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.concurrent.Executors;

/**
 * Calls its binding {@code slow} on a virtual thread of a thread-per-task executor and waits
 * for the answer.
 */
public final class FanOutStall implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.submit(() -> env.binding("slow").fetch(request)).get();
        }
    }
}
