package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Fetches the URL in the variable {@code TARGET} as many times as the query says
 * ({@code ?4}), letting any failure through.
 */
public final class ManyFetches implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        int count = Integer.parseInt(request.url().getQuery());
        String target = env.variable("TARGET").orElseThrow();
        for (int i = 0; i < count; i++) {
            ctx.fetch(Request.get(target));
        }
        return Response.text(200, count + " fetches\n");
    }
}
