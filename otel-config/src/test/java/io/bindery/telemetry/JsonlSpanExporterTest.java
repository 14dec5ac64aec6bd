package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSpanExporterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneParseableLinePerSpanAndAppends() throws Exception {
        var file = dir.resolve("nested/spans.jsonl");
        var exporter = JsonlSpanExporter.create(file);
        assertThat(exporter.export(List.of(span("a"), span("b"))).isSuccess()).isTrue();
        assertThat(exporter.export(List.of(span("c"))).isSuccess()).isTrue();
        exporter.shutdown();

        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        var first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("traceId").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(first.get("spanId").asText()).isEqualTo("b7ad6b7169203331");
        assertThat(first.get("parentSpanId").isNull()).isTrue();
        assertThat(first.get("name").asText()).isEqualTo("a");
        assertThat(first.get("kind").asText()).isEqualTo("SERVER");
        assertThat(first.get("startEpochNanos").asLong()).isEqualTo(10);
        assertThat(first.get("endEpochNanos").asLong()).isEqualTo(25);
        assertThat(first.get("status").asText()).isEqualTo("ERROR");
        var attributes = first.get("attributes");
        assertThat(attributes.get("bindery.span").asText()).isEqualTo("request");
        assertThat(attributes.get("http.response.status_code").asLong()).isEqualTo(500);
        assertThat(attributes.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(attributes.get("cached").asBoolean()).isFalse();
        assertThat(attributes.get("tags").get(1).asText()).isEqualTo("y");
    }

    @Test
    void providerNamesTheMissingFileSetting() {
        var provider = new JsonlSpanExporterProvider();
        assertThat(provider.getName()).isEqualTo("bindery-jsonl");
        assertThatThrownBy(() -> provider.createExporter(DefaultConfigProperties.createFromMap(
                Map.of()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bindery.jsonl.file");
    }

    private static SpanData span(String name) {
        return TestSpanData.builder()
                .setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c",
                        "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault()))
                .setName(name).setKind(SpanKind.SERVER).setStartEpochNanos(10)
                .setEndEpochNanos(25).setHasEnded(true).setStatus(StatusData.error())
                .setAttributes(Attributes.builder().put("bindery.span", "request")
                        .put(AttributeKey.longKey("http.response.status_code"), 500L)
                        .put("ratio", 0.5).put("cached", false)
                        .put(AttributeKey.stringArrayKey("tags"), List.of("x", "y")).build())
                .build();
    }
}
