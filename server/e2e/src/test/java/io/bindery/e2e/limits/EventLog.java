package io.bindery.e2e.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Reads the span lines {@link EventsExporterProvider} wrote: name, status, description and
 * events of each span.
 *
 * @param file the server's events file
 */
record EventLog(Path file) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Waits for the span of a trace with a name.
     *
     * @param traceId the trace id
     * @param name the span name
     * @return the span's line
     */
    JsonNode await(String traceId, String name) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> find(traceId, name), found -> found != null);
    }

    /**
     * Returns the first event of a span with a name.
     *
     * @param span a line from {@link #await}
     * @param name the event name, such as {@code exception}
     * @return the event's attributes
     * @throws AssertionError when the span has no such event
     */
    static JsonNode event(JsonNode span, String name) {
        for (JsonNode event : span.path("events")) {
            if (event.path("name").asText().equals(name)) {
                return event.path("attributes");
            }
        }
        throw new AssertionError("No event '" + name + "' on " + span);
    }

    private JsonNode find(String traceId, String name) {
        for (JsonNode span : all()) {
            if (span.path("traceId").asText().equals(traceId)
                    && span.path("name").asText().equals(name)) {
                return span;
            }
        }
        return null;
    }

    private List<JsonNode> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        var spans = new ArrayList<JsonNode>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.endsWith("}")) {
                    spans.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }
}
