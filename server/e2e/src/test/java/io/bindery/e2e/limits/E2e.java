package io.bindery.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Records;

/** Holds what the limit tests share: configurations, servers, events and limit errors. */
final class E2e {

    /** The exporters every limit test server runs: span lines and span events. */
    static final String EXPORTERS = "bindery-jsonl," + EventsExporterProvider.NAME;

    /** The span-events file, relative to the server's directory, its working directory. */
    private static final String EVENTS_FILE = "events.jsonl";

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
        JsonNode json = Records.json(body);
        assertThat(json.path("error").asText()).isEqualTo("limit_exceeded");
        assertThat(json.path("kind").asText()).isEqualTo(kind);
        assertThat(json.path("requestId").asText()).matches("[0-9a-f]{32}");
        return json;
    }

}
