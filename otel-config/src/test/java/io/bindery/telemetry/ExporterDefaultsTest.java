package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterDefaultsTest {

    private static final TelemetryOptions OPTIONS = TelemetryOptions.defaults();

    @Test
    void turnsExportersOffWhenNothingIsConfigured() {
        var properties = ExporterDefaults.properties(OPTIONS, name -> null, Map.of());
        assertThat(properties).containsEntry("otel.service.name", "bindery")
                .containsEntry("otel.traces.exporter", "none")
                .containsEntry("otel.metrics.exporter", "none")
                .containsEntry("otel.logs.exporter", "none");
    }

    @Test
    void leavesExportersToAutoconfigureWhenAnOtlpEndpointIsSet() {
        var properties = ExporterDefaults.properties(OPTIONS, name -> null,
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
        assertThat(properties).doesNotContainKeys("otel.traces.exporter",
                "otel.metrics.exporter", "otel.logs.exporter");
    }

    @Test
    void leavesOneSignalAloneWhenItsExporterOrEndpointIsSet() {
        var properties = ExporterDefaults.properties(OPTIONS,
                name -> name.equals("otel.metrics.exporter") ? "otlp" : null,
                Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318"));
        assertThat(properties).doesNotContainKeys("otel.traces.exporter",
                "otel.metrics.exporter").containsEntry("otel.logs.exporter", "none");
    }

    @Test
    void keepsServiceNameFromResourceAttributes() {
        var properties = ExporterDefaults.properties(OPTIONS, name -> null,
                Map.of("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=dev,service.name=x"));
        assertThat(properties).doesNotContainKey("otel.service.name");
    }

    @Test
    void letsCallerDefaultsOverrideComputedOnes() {
        var options = OPTIONS.withDefaults(Map.of("otel.traces.exporter", "bindery-jsonl",
                "otel.exporter.otlp.metrics.endpoint", "http://collector:4318"));
        var properties = ExporterDefaults.properties(options, name -> null, Map.of());
        assertThat(properties).containsEntry("otel.traces.exporter", "bindery-jsonl")
                .doesNotContainKey("otel.metrics.exporter")
                .containsEntry("otel.logs.exporter", "none");
    }
}
