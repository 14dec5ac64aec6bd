package io.bindery.agent.instrumentation.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.SpanKeys;
import io.bindery.server.runtime.Invocation;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the attributes of worker spans, the deployed version among them. */
class WorkerSpansTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        ThreadState.swap(null);
        provider.close();
    }

    @Test
    void workerSpanCarriesTheWorkersDeployedVersion() {
        ActiveSpan request = ActiveSpan.open(SpanFrame.startRoot(tracer,
                tracer.spanBuilder("GET").setSpanKind(SpanKind.SERVER), Context.root()));

        WorkerSpans.start(Invocation.bound("auth", "demo", 3, "AUTH", "gateway")).close(null);
        request.close(null);

        SpanData worker = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("worker auth")).findFirst().orElseThrow();
        assertThat(worker.getAttributes().get(SpanKeys.WORKER)).isEqualTo("auth");
        assertThat(worker.getAttributes().get(SpanKeys.WORKER_VERSION)).isEqualTo("3");
        assertThat(worker.getAttributes().get(SpanKeys.INVOCATION)).isEqualTo("bound");
        assertThat(worker.getAttributes().get(SpanKeys.BINDING)).isEqualTo("AUTH");
    }

    @Test
    void noSpanOutsideARequest() {
        assertThat(WorkerSpans.start(Invocation.entry("auth", "demo", 0))).isNull();
    }
}
