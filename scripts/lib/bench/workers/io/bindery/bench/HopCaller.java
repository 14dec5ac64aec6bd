package io.bindery.bench;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Calls the callee once, through a binding or over HTTP, and reports the hop's own time.
 *
 * <p>The variable {@code HOP} picks the way: {@code binding} calls the binding named
 * {@code callee}; {@code network} sends {@code GET} to the URL in {@code CALLEE_URL} with
 * {@code ctx.fetch}; {@code none} makes no hop. The answer carries the callee's body and the
 * header {@code X-Hop-Ns}: the nanoseconds the hop took, measured around the call with
 * {@link System#nanoTime()} (0 when there is no hop).
 */
public final class HopCaller implements Worker {

    /** Creates the worker; it holds no state. */
    public HopCaller() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        String hop = env.variable("HOP").orElse("none");
        long start = System.nanoTime();
        Response answer = switch (hop) {
            case "binding" -> env.binding("callee").fetch(request.copy());
            case "network" -> ctx.fetch(Request.get(env.variable("CALLEE_URL").orElseThrow()));
            default -> Response.json(200, "{\"id\":42,\"name\":\"callee\"}");
        };
        long hopNs = hop.equals("none") ? 0 : System.nanoTime() - start;
        return Response.builder(answer.status())
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .header("X-Hop-Ns", Long.toString(hopNs))
                .body(answer.body())
                .build();
    }
}
