package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/**
 * Routes the demo's public paths to the other workers through service bindings.
 *
 * <p>{@code /login} goes to {@code login} and {@code /logout} to {@code logout}.
 * {@code /getuser} first verifies the bearer token with {@code auth}'s typed
 * {@link AuthService}; a refused token answers 401 with {@code auth}'s reason, otherwise
 * the request goes on to {@code get-user} with the verified user name in
 * {@value DemoHeaders#AUTHENTICATED_USER} (any such header from the client is dropped).
 * Every other path answers 404 with a short text. Stateless and thread-safe.
 */
public final class ApiGateway implements Worker {

    /** Creates the gateway; it holds no state. */
    public ApiGateway() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return switch (request.path()) {
            case "/login" -> env.binding("login").fetch(request);
            case "/logout" -> env.binding("logout").fetch(request);
            case "/getuser" -> getUser(request, env);
            default -> Response.text(404, "Not found: " + request.path() + "\n");
        };
    }

    private static Response getUser(Request request, Env env) {
        AuthService auth = env.service("auth", AuthService.class);
        AuthService.Session session = auth.verify(DemoHeaders.bearerToken(request).orElse(null));
        if (!session.valid()) {
            return Sessions.unauthorized(session.error());
        }
        String user = session.username();
        Request verified = request.toBuilder()
                .header(DemoHeaders.AUTHENTICATED_USER, user)
                .build();
        return env.binding("get-user").fetch(verified);
    }
}
