package io.bindery.server.testworkers;

import io.bindery.worker.BindingException;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.LinkedHashMap;

/** Calls the binding {@code failing} and reports the BindingException it gets, as JSON. */
public final class CatchingCaller implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        try {
            env.binding("failing").fetch(request);
            return Response.text(200, "no exception");
        } catch (BindingException e) {
            var body = new LinkedHashMap<String, Object>();
            body.put("worker", e.worker());
            body.put("kind", e.kind());
            body.put("message", e.getMessage());
            body.put("stackDepth", e.getStackTrace().length);
            body.put("hasCause", e.getCause() != null);
            body.put("suppressed", e.getSuppressed().length);
            return Response.json(200, body);
        }
    }
}
