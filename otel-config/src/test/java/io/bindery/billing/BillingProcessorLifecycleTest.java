package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Covers the paths that end a trace other than its last span: age, bound, flush, shutdown. */
class BillingProcessorLifecycleTest {

    private final TestClock clock = TestClock.create();
    private final RecordingSink sink = new RecordingSink();
    private SdkTracerProvider provider;
    private BillingProcessor processor;
    private Tracer tracer;

    private void build(BillingProcessor.Builder builder) {
        processor = builder.clock(clock).sweepInterval(Duration.ofMillis(5)).addSink(sink)
                .build();
        provider = SdkTracerProvider.builder().setClock(clock).addSpanProcessor(processor)
                .build();
        tracer = provider.get("test");
    }

    @AfterEach
    void tearDown() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    @Test
    void billsLeakedTraceIncompleteAfterMaxTraceAge() {
        build(BillingProcessor.builder().maxTraceAge(Duration.ofSeconds(60)));
        var request = request();
        var worker = child(request, "worker");
        var leaked = child(worker, "background");
        clock.advance(Duration.ofMillis(3));
        worker.end();
        request.end();
        clock.advance(Duration.ofSeconds(59));
        processor.sweep();
        assertThat(sink.of(traceId(request))).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.of(traceId(request)).isEmpty());
        var record = sink.of(traceId(request)).get(0);
        assertThat(record.complete()).isFalse();
        assertThat(record.incompleteReason()).isEqualTo(BillingProcessor.MAX_TRACE_AGE);
        assertThat(record.flattenedNanos()).isEqualTo(Duration.ofMillis(3).toNanos());
        assertThat(record.timeline()).filteredOn(span -> !span.ended()).singleElement()
                .satisfies(span -> assertThat(span.status()).isEqualTo("UNFINISHED"));
        assertThat(processor.stats().incompleteMaxAge()).isEqualTo(1);

        leaked.end();
        processor.forceFlush().join(5, TimeUnit.SECONDS);
        assertThat(sink.of(traceId(request))).hasSize(1);
        assertThat(processor.stats().lateSpans()).isEqualTo(1);
    }

    @Test
    void billsOldestTracesIncompleteBeyondMaxOpenTraces() {
        build(BillingProcessor.builder().maxOpenTraces(3));
        var requests = new Span[5];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = request();
            clock.advance(Duration.ofMillis(1));
        }
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(processor.stats().incompleteMaxOpen()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(sink.of(traceId(requests[i]))).singleElement().satisfies(record ->
                    assertThat(record.incompleteReason())
                            .isEqualTo(BillingProcessor.MAX_OPEN_TRACES));
        }
    }

    @Test
    void shutdownBillsOpenTracesBeforeReturning() {
        build(BillingProcessor.builder());
        var done = request();
        done.end();
        var open = request();
        child(open, "worker");

        var result = processor.shutdown();
        assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(sink.of(traceId(done))).singleElement()
                .satisfies(record -> assertThat(record.complete()).isTrue());
        assertThat(sink.of(traceId(open))).singleElement()
                .satisfies(record -> assertThat(record.incompleteReason())
                        .isEqualTo(BillingProcessor.SHUTDOWN));
        assertThat(processor.openTraces()).isZero();
    }

    @Test
    void forceFlushBillsOpenTracesAsFlushed() {
        build(BillingProcessor.builder());
        var open = request();
        assertThat(processor.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(sink.of(traceId(open))).singleElement()
                .satisfies(record -> assertThat(record.incompleteReason())
                        .isEqualTo(BillingProcessor.FLUSH));
    }

    @Test
    void ignoresOrphansAndRepeatedRequestStarts() {
        build(BillingProcessor.builder());
        var orphan = tracer.spanBuilder("lonely").setAttribute("bindery.span", "io")
                .startSpan();
        orphan.end();
        var request = request();
        request.end();
        processor.onStart(Context.root(), (ReadWriteSpan) request);
        processor.onEnd((ReadableSpan) request);
        processor.forceFlush().join(10, TimeUnit.SECONDS);

        assertThat(sink.of(traceId(request))).hasSize(1);
        assertThat(sink.of(traceId(orphan))).isEmpty();
        assertThat(processor.stats().orphanSpans()).isEqualTo(2);
        assertThat(processor.stats().lateSpans()).isEqualTo(2);
    }

    @Test
    void billsEachRequestThatContinuesTheSameInboundTrace() {
        build(BillingProcessor.builder());
        var inbound = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault())));
        var first = request(inbound);
        first.end();
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        var second = request(inbound);
        child(second, "worker").end();
        second.end();
        processor.onStart(Context.root(), (ReadWriteSpan) first);
        processor.forceFlush().join(10, TimeUnit.SECONDS);

        assertThat(sink.of("0af7651916cd43dd8448eb211c80319c")).hasSize(2)
                .allSatisfy(record -> assertThat(record.complete()).isTrue())
                .extracting(BillingRecord::spanCount).containsExactly(1, 2);
        assertThat(processor.stats().lateSpans()).isEqualTo(1);
    }

    @Test
    void keepsDeliveringWhenASinkThrows() {
        build(BillingProcessor.builder());
        processor.addSink(record -> {
            throw new IllegalStateException("sink down");
        });
        var request = request();
        request.end();
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(sink.of(traceId(request))).hasSize(1);
        assertThat(processor.stats().droppedRecords()).isEqualTo(1);
    }

    private Span request() {
        return request(Context.root());
    }

    private Span request(Context parent) {
        return tracer.spanBuilder("GET /").setParent(parent)
                .setAttribute("bindery.span", "request")
                .setAttribute("bindery.worker", "api-gateway").startSpan();
    }

    private Span child(Span parent, String kind) {
        return tracer.spanBuilder(kind).setParent(Context.root().with(parent))
                .setAttribute("bindery.span", kind).setAttribute("bindery.worker", "auth")
                .startSpan();
    }

    private static String traceId(Span span) {
        return span.getSpanContext().getTraceId();
    }
}
