package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bills each worker with the deployed version its spans name, and writes it to JSON. */
class WorkerVersionBillingTest {

    private final TestClock clock = TestClock.create();
    private final RecordingSink sink = new RecordingSink();
    private SdkTracerProvider provider;
    private Tracer tracer;

    @BeforeEach
    void build() {
        var processor = BillingProcessor.builder().clock(clock).addSink(sink).build();
        provider = SdkTracerProvider.builder().setClock(clock).addSpanProcessor(processor)
                .build();
        tracer = provider.get("test");
    }

    @AfterEach
    void tearDown() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    @Test
    void recordCarriesTheVersionOfEachWorker() throws Exception {
        Span request = span(null, "request", "api-gateway", null);
        Span entry = span(request, "worker", "api-gateway", "0");
        Span bound = span(entry, "worker", "auth", "3");
        Span background = span(entry, "background", "auth", "3");
        Span unversioned = span(entry, "worker", "legacy", null);
        clock.advance(Duration.ofMillis(2));
        for (Span span : new Span[] {unversioned, background, bound, entry, request}) {
            span.end();
        }

        String traceId = request.getSpanContext().getTraceId();
        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.of(traceId).isEmpty());
        BillingRecord record = sink.of(traceId).get(0);

        assertThat(record.workers().get("api-gateway").version()).isEqualTo("0");
        assertThat(record.workers().get("auth").version()).isEqualTo("3");
        assertThat(record.workers().get("auth").invocations()).isEqualTo(1);
        assertThat(record.workers().get("legacy").version()).isNull();
        var json = new ObjectMapper().readTree(BillingJson.detail(record));
        assertThat(json.get("workers").get("auth").get("version").asText()).isEqualTo("3");
        assertThat(json.get("workers").get("legacy").get("version").isNull()).isTrue();
    }

    private Span span(Span parent, String kind, String worker, String version) {
        var builder = tracer.spanBuilder(kind + " " + worker)
                .setParent(parent == null ? Context.root() : Context.root().with(parent))
                .setAttribute("bindery.span", kind).setAttribute("bindery.worker", worker);
        if (version != null) {
            builder.setAttribute("bindery.worker.version", version);
        }
        return builder.startSpan();
    }
}
