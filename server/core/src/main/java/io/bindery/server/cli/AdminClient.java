package io.bindery.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a server's admin API with the admin token and the actor's name
 * ({@code X-Bindery-Actor}), and reads JSON answers. Thread-safe.
 */
final class AdminClient {

    /** The header that names who makes a change. */
    static final String ACTOR_HEADER = "X-Bindery-Actor";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final String actor;

    AdminClient(URI base, String token, String actor) {
        this.base = base;
        this.token = token;
        this.actor = actor;
    }

    /** @return the admin API's base URL */
    URI base() {
        return base;
    }

    /** Sends a GET; throws {@link Unreachable} when no answer comes. */
    Answer get(String path) throws Unreachable {
        return send(request(path).GET().build());
    }

    /** Sends a POST with a JSON body; throws {@link Unreachable} when no answer comes. */
    Answer post(String path, JsonNode body) throws Unreachable {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** @return an empty JSON object to fill in */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header(ACTOR_HEADER, actor);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) throws Unreachable {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), json(response.body()));
        } catch (IOException e) {
            throw new Unreachable(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(request.uri(), e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /**
     * One answer of the admin API.
     *
     * @param status the HTTP status
     * @param body the body as text
     * @param json the body as JSON, or a missing node when it is not JSON
     */
    record Answer(int status, String body, JsonNode json) {

        /** @return whether the status is 2xx */
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Signals that the admin API did not answer at all. */
    static final class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreachable(URI uri, Exception cause) {
            super("cannot reach the admin API at " + uri + " (" + describe(cause) + ")", cause);
        }

        private static String describe(Exception cause) {
            String message = cause.getMessage();
            return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                    : message;
        }
    }
}
