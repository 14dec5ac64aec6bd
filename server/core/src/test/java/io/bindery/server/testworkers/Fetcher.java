package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Fetches the URL in the variable {@code TARGET} and answers with the upstream's body. */
public final class Fetcher implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        String target = env.variable("TARGET").orElseThrow();
        Response upstream = ctx.fetch(Request.builder("POST", target)
                .header("X-Test", "yes").header("Host", "ignored.example").body("ping").build());
        return Response.text(200, upstream.status() + " " + upstream.text());
    }
}
