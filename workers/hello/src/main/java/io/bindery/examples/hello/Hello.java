package io.bindery.examples.hello;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Greets whoever {@code ?name=} names (the world by default) with the {@code GREETING}
 * variable of its configuration entry: the worker the README deploys, changes and rolls back
 * on the running demo.
 */
public final class Hello implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        String greeting = env.variable("GREETING").orElse("Hello");
        return Response.json(200, Map.of("message", greeting + ", " + name(request) + "!"));
    }

    private static String name(Request request) {
        String query = request.url().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("name=") && pair.length() > "name=".length()) {
                return URLDecoder.decode(pair.substring("name=".length()),
                        StandardCharsets.UTF_8);
            }
        }
        return "world";
    }
}
