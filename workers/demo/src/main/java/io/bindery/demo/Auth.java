package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request's {@code Authorization: Bearer <token>} against the session store, as a
 * handler and as the typed {@link AuthService} that the gateway calls.
 *
 * <p>The handler answers 200 with the user name in {@value DemoHeaders#AUTHENTICATED_USER}
 * and as JSON {@code {"username": ...}} when the token is live; 401 with a JSON error
 * otherwise.
 * Thread-safe; sessions live in the KV namespace bound as {@code SESSIONS}, which
 * {@link #start} keeps for {@link #verify}.
 */
public final class Auth implements Worker, AuthService {

    private static final String MISSING = "Send 'Authorization: Bearer <token>' with a token "
            + "from POST /login.";
    private static final String UNKNOWN = "The token is unknown or expired; log in again with "
            + "POST /login.";

    private volatile KvNamespace sessions;

    /** Creates the worker; it holds no state until started. */
    public Auth() {
    }

    @Override
    public void start(Env env) {
        sessions = Sessions.store(env);
    }

    @Override
    public Session verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return new Session(null, MISSING);
        }
        KvNamespace store = sessions;
        if (store == null) {
            throw new IllegalStateException("The auth worker was not started; the platform "
                    + "calls start(env) before any call.");
        }
        return store.get(bearerToken).map(user -> new Session(user, null))
                .orElseGet(() -> new Session(null, UNKNOWN));
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Optional<String> token = DemoHeaders.bearerToken(request);
        if (token.isEmpty()) {
            return Sessions.unauthorized(MISSING);
        }
        Optional<String> user = Sessions.store(env).get(token.get());
        if (user.isEmpty()) {
            return Sessions.unauthorized(UNKNOWN);
        }
        return Response.builder(200)
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .header(DemoHeaders.AUTHENTICATED_USER, user.get())
                .body(io.bindery.worker.Json.write(Map.of("username", user.get())))
                .build();
    }
}
