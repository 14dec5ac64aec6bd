package io.bindery.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the spans a forked server exported to its JSONL file.
 *
 * <p>Every call reads the file anew; the exporter appends a batch at a time, so a partly
 * written last line is skipped.
 */
public final class SpanLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Path file;

    SpanLog(Path file) {
        this.file = file;
    }

    /** @return every span exported so far */
    public List<SpanRecord> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        var spans = new ArrayList<SpanRecord>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.endsWith("}")) {
                    spans.add(parse(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    /**
     * Returns the spans of one trace exported so far.
     *
     * @param traceId the trace id
     * @return its spans as a tree view
     */
    public TraceView trace(String traceId) {
        return new TraceView(all().stream().filter(s -> s.traceId().equals(traceId)).toList());
    }

    /**
     * Waits until a trace satisfies a condition.
     *
     * @param traceId the trace id
     * @param ready tells when the trace has all the spans the test needs
     * @return the trace
     */
    public TraceView awaitTrace(String traceId, Predicate<TraceView> ready) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> trace(traceId), ready::test);
    }

    /**
     * Waits until some span satisfies a condition.
     *
     * @param condition the condition
     * @return the first such span
     */
    public SpanRecord awaitSpan(Predicate<SpanRecord> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> all().stream().filter(condition).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    private static SpanRecord parse(JsonNode node) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.path("attributes").properties().forEach(entry -> attributes.put(entry.getKey(),
                value(entry.getValue())));
        JsonNode parent = node.get("parentSpanId");
        return new SpanRecord(node.path("traceId").asText(), node.path("spanId").asText(),
                parent == null || parent.isNull() ? null : parent.asText(),
                node.path("name").asText(), node.path("kind").asText(),
                node.path("startEpochNanos").asLong(), node.path("endEpochNanos").asLong(),
                node.path("status").asText(), attributes);
    }

    private static Object value(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return value.isBoolean() ? value.asBoolean() : value.asText();
    }
}
