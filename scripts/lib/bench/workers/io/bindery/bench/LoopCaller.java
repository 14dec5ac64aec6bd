package io.bindery.bench;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Makes {@code CALLS} binding calls to the callee in a loop (default 200) and answers the mean
 * nanoseconds per call in the header {@code X-Ns-Per-Call}: a micro-benchmark of one binding
 * call, with or without the agent's spans. With {@code MODE=rpc} the calls are typed
 * {@link Lookup} calls instead of {@code fetch}.
 */
public final class LoopCaller implements Worker {

    /** Creates the worker; it holds no state. */
    public LoopCaller() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        int calls = Integer.parseInt(env.variable("CALLS").orElse("200"));
        boolean typed = env.variable("MODE").orElse("fetch").equals("rpc");
        long start = System.nanoTime();
        int ok = typed ? typedCalls(env, calls) : fetchCalls(request, env, calls);
        long perCall = (System.nanoTime() - start) / calls;
        return Response.builder(ok == calls ? 200 : 500)
                .header("X-Ns-Per-Call", Long.toString(perCall))
                .body(Integer.toString(ok))
                .build();
    }

    private static int fetchCalls(Request request, Env env, int calls) {
        var callee = env.binding("callee");
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            ok += callee.fetch(request.copy()).status() == 200 ? 1 : 0;
        }
        return ok;
    }

    private static int typedCalls(Env env, int calls) {
        Lookup callee = env.service("callee", Lookup.class);
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            ok += callee.name(i).isEmpty() ? 0 : 1;
        }
        return ok;
    }
}
