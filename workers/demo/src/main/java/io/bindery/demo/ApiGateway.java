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
 * {@code /getuser} first sends a copy of the request to {@code auth}; a non-200 answer from
 * {@code auth} is returned as it is, otherwise the request goes on to {@code get-user} with
 * the verified user name in {@value DemoHeaders#AUTHENTICATED_USER} (any such header from the
 * client is dropped). Every other path answers 404 with a short text. Stateless and
 * thread-safe.
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
        Response auth = env.binding("auth").fetch(request.copy());
        if (auth.status() != 200) {
            return auth;
        }
        String user = auth.headers().first(DemoHeaders.AUTHENTICATED_USER).orElse("");
        Request verified = request.toBuilder()
                .header(DemoHeaders.AUTHENTICATED_USER, user)
                .build();
        return env.binding("get-user").fetch(verified);
    }
}
