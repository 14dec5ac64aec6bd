package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Calls its binding {@code slow} from a virtual thread it starts itself and waits for that
 * thread, counting its own interrupt in {@link LimitProbe}.
 */
public final class FanOutStalling implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        Thread child = Thread.ofVirtual().start(() -> env.binding("slow").fetch(request));
        try {
            child.join();
        } catch (InterruptedException e) {
            LimitProbe.INTERRUPTED.incrementAndGet();
            throw e;
        }
        return Response.text(200, "joined");
    }
}
