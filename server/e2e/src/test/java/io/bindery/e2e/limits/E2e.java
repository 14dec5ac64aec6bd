package io.bindery.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.e2e.ForkedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Holds what the limit tests share: configurations, HTTP calls and billing look-ups. */
final class E2e {

    /** The exporters every limit test server runs: span lines and span events. */
    static final String EXPORTERS = "bindery-jsonl," + EventsExporterProvider.NAME;

    /** The span-events file, relative to the server's directory, its working directory. */
    private static final String EVENTS_FILE = "events.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private E2e() {
    }

    /**
     * Returns a configuration with ports 0, a short shutdown grace, and the given sections.
     *
     * @param limits lines under {@code limits:}, indented by two spaces; empty for the
     *     defaults
     * @param workers the list under {@code workers:}, indented by two spaces
     * @return the YAML text
     */
    static String config(String limits, String workers) {
        return """
                server:
                  port: 0
                  adminPort: 0
                  host: 127.0.0.1
                  shutdownGrace: 5s
                """ + (limits.isBlank() ? "" : "limits:\n" + limits)
                + "workers:\n" + workers;
    }

    /**
     * Starts a server with the agent and both span exporters.
     *
     * @param name the server's directory name
     * @param yaml its configuration
     * @return the running server
     */
    static ForkedServer start(String name, String yaml) {
        return ForkedServer.builder(name).config(yaml)
                .env("OTEL_TRACES_EXPORTER", EXPORTERS)
                .property(EventsExporterProvider.FILE_PROPERTY, EVENTS_FILE)
                .start();
    }

    /**
     * Returns the span-events file of a server started by {@link #start}.
     *
     * @param server the server
     * @return its events log
     */
    static EventLog events(ForkedServer server) {
        return new EventLog(server.dir().resolve(EVENTS_FILE));
    }

    /**
     * Sends a GET.
     *
     * @param uri the URI
     * @param headers alternating names and values
     * @return the response
     */
    static HttpResponse<String> get(URI uri, String... headers) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /**
     * Sends a POST with a JSON body.
     *
     * @param uri the URI
     * @param json the body
     * @return the response
     */
    static HttpResponse<String> post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Returns the trace id of a response's {@code traceresponse} header.
     *
     * @param response the response
     * @return 32 hex characters
     */
    static String traceId(HttpResponse<?> response) {
        String header = response.headers().firstValue("traceresponse").orElseThrow(() ->
                new AssertionError("No traceresponse header in " + response.headers().map()));
        return header.split("-")[1];
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the tree
     */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    /**
     * Checks an error answer of a reached limit and returns its body.
     *
     * @param status the answer's status
     * @param body the answer's body
     * @param expected the expected status
     * @param kind the expected kind
     * @return the body as JSON
     */
    static JsonNode limitError(int status, String body, int expected, String kind) {
        assertThat(status).as(body).isEqualTo(expected);
        JsonNode json = json(body);
        assertThat(json.path("error").asText()).isEqualTo("limit_exceeded");
        assertThat(json.path("kind").asText()).isEqualTo(kind);
        assertThat(json.path("requestId").asText()).matches("[0-9a-f]{32}");
        return json;
    }

    /**
     * Waits for the billing record of a trace, read from the admin API.
     *
     * @param server the server
     * @param traceId the trace id
     * @return the record, in the admin API's detail shape
     */
    static JsonNode record(ForkedServer server, String traceId) {
        URI uri = server.adminUrl().resolve("/api/requests/" + traceId);
        HttpResponse<String> found = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get(uri, "Authorization", "Bearer " + server.adminToken()),
                        response -> response.statusCode() == 200);
        return json(found.body());
    }

    /**
     * Returns the timeline entry of a span in a billing record.
     *
     * @param record the record
     * @param name the span's name
     * @return the entry
     */
    static JsonNode timelineSpan(JsonNode record, String name) {
        for (JsonNode span : record.path("timeline")) {
            if (span.path("name").asText().equals(name)) {
                return span;
            }
        }
        throw new AssertionError("No span '" + name + "' in the timeline of " + record);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }
}
