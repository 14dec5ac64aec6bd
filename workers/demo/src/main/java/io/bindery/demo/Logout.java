package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.Map;
import java.util.Optional;

/**
 * Logs a user out: revokes the session token of {@code Authorization: Bearer <token>}.
 *
 * <p>Answers 200 {@code {"status": "logged out"}} when a live token was revoked; 401 when the
 * request carries no live token. Stateless and thread-safe.
 */
public final class Logout implements Worker {

    /** Creates the worker; it holds no state. */
    public Logout() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Optional<String> token = DemoHeaders.bearerToken(request);
        if (token.isEmpty() || !Sessions.store(env).delete(token.get())) {
            return Sessions.unauthorized("You are not logged in; there is no live session for "
                    + "this request's bearer token.");
        }
        return Response.json(200, Map.of("status", "logged out"));
    }
}
