package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sends spans over OTLP (JDK HttpClient sender) to a port where nothing listens. */
class UnreachableCollectorTest {

    private static final int REQUESTS = 3_000;

    @Test
    void keepsBillingEveryRequestWhenExportFails() throws IOException {
        var telemetry = BinderyTelemetry.start(TelemetryOptions.defaults().withDefaults(Map.of(
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort(),
                "otel.exporter.otlp.timeout", "200",
                "otel.java.exporter.otlp.retry.disabled", "true",
                "otel.bsp.max.queue.size", "256",
                "otel.metrics.exporter", "none")));
        try {
            var tracer = telemetry.tracer();
            for (int i = 0; i < REQUESTS; i++) {
                var request = tracer.spanBuilder("GET /").setAttribute("bindery.span", "request")
                        .startSpan();
                tracer.spanBuilder("worker").setParent(Context.root().with(request))
                        .setAttribute("bindery.span", "worker").startSpan().end();
                request.end();
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> telemetry.billing().stats().recordsEmitted() == REQUESTS);
            assertThat(telemetry.prometheusText())
                    .containsPattern("processedSpans_total\\{dropped=\"true\",[^}]*} [1-9]");
        } finally {
            long began = System.nanoTime();
            telemetry.close();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(
                    Duration.ofSeconds(12));
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
