package io.bindery.e2e.limits.workers;

import io.bindery.worker.BindingException;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.LinkedHashMap;

/**
 * Calls its binding {@code next} and answers 200 with what the {@link BindingException} it
 * caught tells: worker, kind, message, and the depth of its stack trace.
 */
public final class Catcher implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        try {
            return env.binding("next").fetch(request);
        } catch (BindingException e) {
            var body = new LinkedHashMap<String, Object>();
            body.put("worker", e.worker());
            body.put("kind", e.kind());
            body.put("message", e.getMessage());
            body.put("stackDepth", e.getStackTrace().length);
            body.put("hasCause", e.getCause() != null);
            return Response.json(200, body);
        }
    }
}
