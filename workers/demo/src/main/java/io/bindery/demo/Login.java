package io.bindery.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs a user in: checks {@code POST {"username": ..., "password": ...}} and issues a session
 * token.
 *
 * <p>Answers 200 {@code {"token": ..., "expiresIn": 3600}} and stores the token in the session
 * store for one hour; 401 for a wrong user name or password; 400 for a body that is not such
 * JSON; 405 for another method. Thread-safe.
 */
public final class Login implements Worker {

    /** How long a session token stays valid. */
    public static final Duration SESSION_TIME = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates the worker; it holds no per-request state. */
    public Login() {
    }

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        if (!request.method().equals("POST")) {
            return Response.builder(405).header("Allow", "POST")
                    .header("Content-Type", Response.JSON_CONTENT_TYPE)
                    .body(io.bindery.worker.Json.write(Sessions.error("method_not_allowed",
                            "Log in with POST and a JSON body {\"username\", \"password\"}.")))
                    .build();
        }
        Credentials credentials;
        try {
            credentials = credentials(request.text());
        } catch (IllegalArgumentException e) {
            return Response.json(400, Sessions.error("bad_request", e.getMessage()));
        }
        if (!DemoUsers.matches(credentials.username(), credentials.password())) {
            return Sessions.unauthorized("The user name or password is wrong.");
        }
        String token = newToken();
        Sessions.store(env).put(token, credentials.username(), SESSION_TIME);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("expiresIn", SESSION_TIME.toSeconds());
        return Response.json(200, body);
    }

    private static Credentials credentials(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not valid JSON; send "
                    + "{\"username\": \"...\", \"password\": \"...\"}.");
        }
        if (json == null || !json.isObject() || !json.path("username").isTextual()
                || !json.path("password").isTextual()) {
            throw new IllegalArgumentException("The body must be a JSON object with the text "
                    + "fields \"username\" and \"password\".");
        }
        return new Credentials(json.get("username").asText(), json.get("password").asText());
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A user name and password from a login request. */
    private record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }
}
