package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.billing.BillingRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real SDK through autoconfigure and checks billing, sampling and export. */
class BinderyTelemetryTest {

    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;
    private BinderyTelemetry telemetry;

    @AfterEach
    void tearDown() {
        if (telemetry != null) {
            telemetry.close();
        }
    }

    @Test
    void billsTracesTheSamplerDropsButDoesNotExportThem() throws Exception {
        var file = dir.resolve("spans.jsonl");
        telemetry = start(file, Map.of("otel.traces.sampler", "traceidratio",
                "otel.traces.sampler.arg", "0"));
        var traceId = oneRequest();

        var record = awaitRecord(traceId);
        assertThat(record.complete()).isTrue();
        assertThat(record.flattenedNanos()).isEqualTo(1_500_000);
        telemetry.close();
        assertThat(Files.readAllLines(file)).isEmpty();
    }

    @Test
    void exportsSampledSpansAsJsonLines() throws Exception {
        var file = dir.resolve("spans.jsonl");
        telemetry = start(file, Map.of());
        var traceId = oneRequest();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(file) && Files.readAllLines(file).size() == 2);
        var mapper = new ObjectMapper();
        var lines = Files.readAllLines(file).stream().map(line -> read(mapper, line)).toList();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("traceId").asText()).isEqualTo(traceId);
            assertThat(line.get("status").asText()).isEqualTo("UNSET");
        });
        var worker = lines.stream().filter(l -> l.get("name").asText().equals("worker auth"))
                .findFirst().orElseThrow();
        assertThat(worker.get("kind").asText()).isEqualTo("INTERNAL");
        assertThat(worker.get("startEpochNanos").asLong()).isEqualTo(T0);
        assertThat(worker.get("endEpochNanos").asLong()).isEqualTo(T0 + 1_500_000);
        assertThat(worker.get("parentSpanId").asText()).hasSize(16);
        assertThat(worker.get("attributes").get("bindery.worker").asText()).isEqualTo("auth");
        assertThat(worker.get("attributes").get("bindery.retries").asLong()).isEqualTo(2);
        assertThat(worker.get("attributes").get("bindery.cached").asBoolean()).isTrue();
    }

    @Test
    void rendersBillingMetricsAsPrometheusText() {
        telemetry = start(dir.resolve("spans.jsonl"), Map.of());
        awaitRecord(oneRequest());

        var text = telemetry.prometheusText();
        var labels = "{bindery_account=\"demo\",bindery_entry_worker=\"api-gateway\"}";
        assertThat(text).contains("# TYPE bindery_billable_seconds_total counter\n",
                "bindery_billable_seconds_total" + labels + " 0.0015\n",
                "bindery_classic_seconds_total" + labels + " 0.0015\n",
                "bindery_requests_billed_total" + labels + " 1\n",
                "# TYPE bindery_billable_duration_seconds histogram\n",
                "bindery_billable_duration_seconds_bucket{bindery_account=\"demo\","
                        + "bindery_entry_worker=\"api-gateway\",le=\"0.001\"} 0\n",
                "bindery_billable_duration_seconds_bucket{bindery_account=\"demo\","
                        + "bindery_entry_worker=\"api-gateway\",le=\"0.0025\"} 1\n",
                "bindery_billable_duration_seconds_count" + labels + " 1\n",
                "bindery_billing_incomplete_total{reason=\"max-trace-age\"} 0\n",
                "bindery_billing_open_traces 0\n");
    }

    @Test
    void billsWithEveryExporterOffByDefault() {
        telemetry = BinderyTelemetry.start(TelemetryOptions.defaults());
        var record = awaitRecord(oneRequest());
        assertThat(record.flattenedNanos()).isEqualTo(1_500_000);
        assertThat(record.workers()).containsOnlyKeys("auth");
        assertThat(telemetry.prometheusText()).contains("bindery_requests_billed_total");
    }

    @Test
    void installsUntilClosed() {
        telemetry = start(dir.resolve("spans.jsonl"), Map.of());
        assertThat(BinderyTelemetry.installed()).isSameAs(telemetry);
        telemetry.close();
        assertThat(BinderyTelemetry.installed()).isNull();
    }

    private static BinderyTelemetry start(Path file, Map<String, String> extra) {
        var properties = new HashMap<String, String>();
        properties.put("otel.traces.exporter", "bindery-jsonl");
        properties.put("bindery.jsonl.file", file.toString());
        properties.put("otel.bsp.schedule.delay", "50");
        properties.putAll(extra);
        return BinderyTelemetry.start(TelemetryOptions.defaults().withDefaults(properties));
    }

    /** Makes a request span with one 1.5 ms worker span; returns the trace id. */
    private String oneRequest() {
        var tracer = telemetry.tracer();
        Span request = tracer.spanBuilder("GET /getuser").setAttribute("bindery.span", "request")
                .setAttribute("bindery.account", "demo")
                .setAttribute("bindery.worker", "api-gateway")
                .setStartTimestamp(T0, TimeUnit.NANOSECONDS).startSpan();
        Span worker = tracer.spanBuilder("worker auth").setParent(Context.root().with(request))
                .setAttribute("bindery.span", "worker").setAttribute("bindery.worker", "auth")
                .setAttribute("bindery.retries", 2L).setAttribute("bindery.cached", true)
                .setStartTimestamp(T0, TimeUnit.NANOSECONDS).startSpan();
        worker.end(T0 + 1_500_000, TimeUnit.NANOSECONDS);
        request.end(T0 + 2_000_000, TimeUnit.NANOSECONDS);
        return request.getSpanContext().getTraceId();
    }

    private BillingRecord awaitRecord(String traceId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> telemetry.recentRecords().find(traceId).orElse(null),
                        record -> record != null);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(ObjectMapper mapper,
            String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }
}
