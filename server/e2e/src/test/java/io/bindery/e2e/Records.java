package io.bindery.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads billing records from a forked server's admin API, as JSON trees. */
public final class Records {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /**
     * Waits for the billing record of a trace, read from the admin API.
     *
     * @param server the server
     * @param traceId the trace id
     * @return the record, in the admin API's detail shape
     */
    public static JsonNode record(ForkedServer server, String traceId) {
        URI uri = server.adminUrl().resolve("/api/requests/" + traceId);
        HttpResponse<String> found = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(uri, "Authorization", "Bearer " + server.adminToken()),
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
    public static JsonNode timelineSpan(JsonNode record, String name) {
        for (JsonNode span : record.path("timeline")) {
            if (span.path("name").asText().equals(name)) {
                return span;
            }
        }
        throw new AssertionError("No span '" + name + "' in the timeline of " + record);
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the tree
     */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }
}
