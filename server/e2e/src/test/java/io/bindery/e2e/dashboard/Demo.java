package io.bindery.e2e.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.e2e.ForkedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to a forked demo server over HTTP: sends the demo's requests to the public listener
 * and reads billing records from the admin API with the bearer token. Never follows
 * redirects. Thread-safe.
 */
final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DASHBOARD = Pattern.compile("Bindery dashboard: (http://\\S+)");

    private final ForkedServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    Demo(ForkedServer server) {
        this.server = server;
    }

    /**
     * Formats nanoseconds as the dashboard shows them: milliseconds, three decimals, half up.
     *
     * @param nanos the duration
     * @return such as {@code 4.967 ms}
     */
    static String ms(long nanos) {
        return BigDecimal.valueOf(nanos, 6).setScale(3, RoundingMode.HALF_UP).toPlainString()
                + " ms";
    }

    /** @return the sign-in link the server printed at start */
    String dashboardLink() {
        Matcher link = DASHBOARD.matcher(server.output());
        if (!link.find()) {
            throw new AssertionError("No 'Bindery dashboard:' line in\n" + server.output());
        }
        return link.group(1);
    }

    /** @return the admin listener's root, such as {@code http://127.0.0.1:9090/} */
    String adminRoot() {
        return server.adminUrl().resolve("/").toString();
    }

    /**
     * Signs alice in through /login.
     *
     * @return the request's trace id and the session token
     */
    Login login() {
        HttpResponse<String> login = send(HttpRequest.newBuilder(server.uri("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"alice\",\"password\":\"wonderland\"}")), 200);
        return new Login(traceId(login), read(login.body()).path("token").asText());
    }

    /**
     * Sends /getuser with a session token.
     *
     * @param session the token from {@link #login}
     * @return the request's trace id
     */
    String getUser(String session) {
        return traceId(send(HttpRequest.newBuilder(server.uri("/getuser"))
                .header("Authorization", "Bearer " + session).GET(), 200));
    }

    /**
     * Reads one billing record from the admin API with the bearer token.
     *
     * @param traceId the trace id
     * @return the record with its timeline, or null while the server answers 404
     */
    JsonNode record(String traceId) {
        HttpResponse<String> response = admin("/api/requests/" + traceId,
                "Authorization", "Bearer " + server.adminToken());
        return response.statusCode() == 404 ? null : read(response.body());
    }

    /**
     * Sends a GET to the admin listener.
     *
     * @param path the path with query
     * @param headers name and value pairs
     * @return the response
     */
    HttpResponse<String> admin(String path, String... headers) {
        var builder = HttpRequest.newBuilder(server.adminUrl().resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, -1);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, int expected) {
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new AssertionError("Expected " + expected + " from " + response.uri()
                        + ", got " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the server", e);
        }
    }

    private static String traceId(HttpResponse<?> response) {
        String value = response.headers().firstValue("traceresponse").orElseThrow(() ->
                new AssertionError("No traceresponse header from " + response.uri()));
        return value.split("-")[1];
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    /**
     * Holds what /login answered.
     *
     * @param traceId the request's trace id
     * @param session the session token for /getuser
     */
    record Login(String traceId, String session) {
    }
}
