package io.bindery.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends one JSON object per ended span to a file, one per line, flushed after each batch:
 * {@code traceId}, {@code spanId}, {@code parentSpanId}, {@code name}, {@code kind},
 * {@code startEpochNanos}, {@code endEpochNanos}, {@code status} and {@code attributes} (string,
 * number, boolean or array values). For tests and operators. Thread-safe; batches are written
 * one at a time on the export thread.
 */
final class JsonlSpanExporter implements SpanExporter {

    private static final System.Logger LOGGER =
            System.getLogger(JsonlSpanExporter.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Path file;
    private final Writer writer;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private boolean closed;

    private JsonlSpanExporter(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    static JsonlSpanExporter create(Path file) {
        try {
            var parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JsonlSpanExporter(file, Files.newBufferedWriter(file,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the bindery-jsonl span file " + file
                    + "; point bindery.jsonl.file at a writable path.", e);
        }
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (closed) {
            return CompletableResultCode.ofFailure();
        }
        try {
            for (var span : spans) {
                writer.write(MAPPER.writeValueAsString(line(span)));
                writer.write('\n');
            }
            writer.flush();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, "Cannot write spans to " + file
                        + "; spans are dropped until writing works again.", e);
            }
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode flush() {
        try {
            writer.flush();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        if (closed) {
            return CompletableResultCode.ofSuccess();
        }
        closed = true;
        try {
            writer.close();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public String toString() {
        return "JsonlSpanExporter{file=" + file + "}";
    }

    static ObjectNode line(SpanData span) {
        var node = MAPPER.createObjectNode();
        node.put("traceId", span.getTraceId());
        node.put("spanId", span.getSpanId());
        var parent = span.getParentSpanContext();
        node.put("parentSpanId", parent.isValid() ? parent.getSpanId() : null);
        node.put("name", span.getName());
        node.put("kind", span.getKind().name());
        node.put("startEpochNanos", span.getStartEpochNanos());
        node.put("endEpochNanos", span.getEndEpochNanos());
        node.put("status", span.getStatus().getStatusCode().name());
        attributes(node.putObject("attributes"), span.getAttributes());
        return node;
    }

    private static void attributes(ObjectNode node, Attributes attributes) {
        attributes.forEach((AttributeKey<?> key, Object value) -> {
            if (value instanceof List<?> list) {
                node.set(key.getKey(), MAPPER.valueToTree(list));
            } else {
                node.set(key.getKey(), MAPPER.valueToTree(value));
            }
        });
    }
}
