package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Returns the verified user's record, fetched over HTTP from the upstream user service.
 *
 * <p>Reads the user from {@value DemoHeaders#AUTHENTICATED_USER}, which the gateway sets after
 * {@code auth} has verified the token, and calls {@code UPSTREAM_URL + "/users/{username}"}.
 * Answers the upstream's 200 or 404 as it is; 502 with a message naming the upstream when it
 * cannot be reached or fails; 401 when no verified user is given. Stateless and thread-safe.
 */
public final class GetUser implements Worker {

    /** The variable that holds the upstream user service's base URL. */
    public static final String UPSTREAM_URL = "UPSTREAM_URL";

    /** Creates the worker; it holds no state. */
    public GetUser() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Optional<String> user = request.headers().first(DemoHeaders.AUTHENTICATED_USER)
                .filter(name -> !name.isBlank());
        if (user.isEmpty()) {
            return Sessions.unauthorized("No verified user; call /getuser through the gateway.");
        }
        String base = env.variable(UPSTREAM_URL).orElseThrow(() -> new IllegalStateException(
                "Worker '" + env.workerName() + "' needs the variable " + UPSTREAM_URL
                        + "; set it under vars: in the configuration."));
        String url = stripSlash(base) + "/users/"
                + URLEncoder.encode(user.get(), StandardCharsets.UTF_8);
        return upstream(ctx, url, base);
    }

    private static Response upstream(ExecutionContext ctx, String url, String base) {
        Response answer;
        try {
            answer = ctx.fetch(Request.builder("GET", url).header("Accept", "application/json")
                    .build());
        } catch (HttpTimeoutException e) {
            return Response.json(504, Sessions.error("upstream_timeout", "The upstream user "
                    + "service at " + base + " did not answer in time: " + describe(e) + "."));
        } catch (ConnectException e) {
            return badGateway("The upstream user service at " + base + " refused the "
                    + "connection: " + describe(e) + ".");
        } catch (IOException e) {
            return badGateway("The upstream user service at " + base + " could not be "
                    + "reached: " + describe(e) + ".");
        }
        if (answer.status() == 200 || answer.status() == 404) {
            return Response.builder(answer.status())
                    .header("Content-Type", answer.headers().first("Content-Type")
                            .orElse(Response.JSON_CONTENT_TYPE))
                    .body(answer.body())
                    .build();
        }
        return badGateway("The upstream user service at " + base + " answered "
                + answer.status() + ".");
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : " (" + e.getMessage() + ")");
    }

    private static Response badGateway(String message) {
        return Response.json(502, Sessions.error("bad_gateway", message));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
