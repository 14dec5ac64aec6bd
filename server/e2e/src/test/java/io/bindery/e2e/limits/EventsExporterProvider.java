package io.bindery.e2e.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * Provides the span exporter {@value #NAME} to forked test servers: it appends one JSON line
 * per span with its name, status, status description and events, which the
 * {@code bindery-jsonl} exporter leaves out.
 *
 * <p>Found through {@code META-INF/services} on the forked class path, and active only where
 * {@code OTEL_TRACES_EXPORTER} names it; the file comes from {@value #FILE_PROPERTY}.
 */
public final class EventsExporterProvider implements ConfigurableSpanExporterProvider {

    /** The exporter's name in {@code OTEL_TRACES_EXPORTER}. */
    public static final String NAME = "bindery-test-events";

    /** The system property naming the file. */
    public static final String FILE_PROPERTY = "bindery.test.events.file";

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new Exporter(Path.of(config.getString(FILE_PROPERTY)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Appends a batch at a time; thread-safe. */
    private static final class Exporter implements SpanExporter {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final Path file;

        Exporter(Path file) {
            this.file = file;
        }

        @Override
        public synchronized CompletableResultCode export(Collection<SpanData> spans) {
            var lines = new StringBuilder();
            spans.forEach(span -> lines.append(line(span)).append('\n'));
            try {
                Files.writeString(file, lines, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return CompletableResultCode.ofSuccess();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        private static String line(SpanData span) {
            ObjectNode node = JSON.createObjectNode();
            node.put("traceId", span.getTraceId());
            node.put("spanId", span.getSpanId());
            node.put("name", span.getName());
            node.put("status", span.getStatus().getStatusCode().name());
            node.put("description", span.getStatus().getDescription());
            var events = node.putArray("events");
            for (EventData event : span.getEvents()) {
                ObjectNode entry = events.addObject();
                entry.put("name", event.getName());
                ObjectNode attributes = entry.putObject("attributes");
                event.getAttributes().forEach((AttributeKey<?> key, Object value) ->
                        attributes.put(key.getKey(), String.valueOf(value)));
            }
            return node.toString();
        }
    }
}
