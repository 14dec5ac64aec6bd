package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Sets two cookies and reports every value of {@code X-Multi} in {@code X-Seen}. */
public final class HeaderEcho implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        var headers = Headers.builder()
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("X-Seen", String.join("|", request.headers().all("x-multi")))
                .build();
        return Response.builder(200).headers(headers).body("ok").build();
    }
}
