package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls its bindings {@code left} and {@code right} at the same time, each on a virtual thread
 * of its own (a thread-per-task executor for one, {@code Thread.ofVirtual()} for the other),
 * and answers with both bodies.
 */
public final class FanOut implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        String[] right = new String[1];
        Thread thread = Thread.ofVirtual().start(
                () -> right[0] = env.binding("right").fetch(request.copy()).text());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> left = executor.submit(
                    () -> env.binding("left").fetch(request.copy()).text());
            thread.join();
            return Response.text(200, left.get() + " " + right[0]);
        }
    }
}
