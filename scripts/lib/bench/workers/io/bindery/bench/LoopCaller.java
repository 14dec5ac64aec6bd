package io.bindery.bench;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Makes {@code CALLS} binding calls to the callee in a loop (default 200) and answers the mean
 * nanoseconds per call in the header {@code X-Ns-Per-Call}: a micro-benchmark of one binding
 * call, with or without the agent's spans.
 */
public final class LoopCaller implements Worker {

    /** Creates the worker; it holds no state. */
    public LoopCaller() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        int calls = Integer.parseInt(env.variable("CALLS").orElse("200"));
        var callee = env.binding("callee");
        int ok = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (callee.fetch(request.copy()).status() == 200) {
                ok++;
            }
        }
        long perCall = (System.nanoTime() - start) / calls;
        return Response.builder(ok == calls ? 200 : 500)
                .header("X-Ns-Per-Call", Long.toString(perCall))
                .body(Integer.toString(ok))
                .build();
    }
}
