package io.bindery.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;

/**
 * Provides the {@code bindery-jsonl} span exporter to autoconfigure:
 * {@code OTEL_TRACES_EXPORTER=bindery-jsonl} with the file named by the
 * {@code bindery.jsonl.file} system property or the {@code BINDERY_JSONL_FILE} variable.
 * Loaded through {@link java.util.ServiceLoader}; public for that reason only.
 */
public final class JsonlSpanExporterProvider implements ConfigurableSpanExporterProvider {

    /** The exporter's name in {@code otel.traces.exporter}. */
    public static final String NAME = "bindery-jsonl";

    /** Creates the provider; called by the service loader. */
    public JsonlSpanExporterProvider() {
    }

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        var file = config.getString("bindery.jsonl.file");
        if (file == null || file.isBlank()) {
            throw new ConfigurationException("The bindery-jsonl span exporter needs a file:"
                    + " set the system property bindery.jsonl.file or BINDERY_JSONL_FILE.");
        }
        return JsonlSpanExporter.create(Path.of(file));
    }

    @Override
    public String getName() {
        return NAME;
    }
}
