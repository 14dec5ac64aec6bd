package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.LinkedHashMap;

/** Answers with the worker's name, the request's method, path and body, as JSON. */
public final class Echo implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        var body = new LinkedHashMap<String, Object>();
        body.put("worker", env.workerName());
        body.put("method", request.method());
        body.put("path", request.path());
        body.put("url", request.url().toString());
        body.put("body", request.text());
        body.put("requestId", ctx.requestId());
        return Response.json(200, body);
    }
}
