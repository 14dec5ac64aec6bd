package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request's {@code Authorization: Bearer <token>} against the session store.
 *
 * <p>Answers 200 with the user name in {@value DemoHeaders#AUTHENTICATED_USER} and as JSON
 * {@code {"username": ...}} when the token is live; 401 with a JSON error otherwise.
 * Stateless and thread-safe; sessions live in the KV namespace bound as {@code SESSIONS}.
 */
public final class Auth implements Worker {

    /** Creates the worker; it holds no state. */
    public Auth() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Optional<String> token = DemoHeaders.bearerToken(request);
        if (token.isEmpty()) {
            return Sessions.unauthorized("Send 'Authorization: Bearer <token>' with a token "
                    + "from POST /login.");
        }
        Optional<String> user = Sessions.store(env).get(token.get());
        if (user.isEmpty()) {
            return Sessions.unauthorized("The token is unknown or expired; log in again with "
                    + "POST /login.");
        }
        return Response.builder(200)
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .header(DemoHeaders.AUTHENTICATED_USER, user.get())
                .body(io.bindery.worker.Json.write(Map.of("username", user.get())))
                .build();
    }
}
