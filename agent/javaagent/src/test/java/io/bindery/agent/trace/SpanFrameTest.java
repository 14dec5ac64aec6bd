package io.bindery.agent.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.agent.bootstrap.FrameScope;
import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.bootstrap.ThreadState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks frames against an in-memory SDK: short-I/O sums, I/O spans, http calls. */
class SpanFrameTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");

    @BeforeEach
    void threshold() {
        SpanFrame.useIoThreshold(1_000_000L);
    }

    @AfterEach
    void close() {
        ThreadState.swap(null);
        provider.close();
    }

    @Test
    void shortOperationsAreSummedOnTheEnclosingSpan() {
        SpanFrame frame = root();

        frame.io(Io.SOCKET_READ, 100, 400, null);
        frame.io(Io.FILE_READ, 1_000, 1_500, null);
        frame.end(null);

        SpanData request = only();
        assertThat(request.getAttributes().get(SpanKeys.SHORT_COUNT)).isEqualTo(2L);
        assertThat(request.getAttributes().get(SpanKeys.SHORT_NANOS)).isEqualTo(800L);
    }

    @Test
    void longOperationBecomesAnIoSpanInsideItsParentOnTheTraceClock() throws Exception {
        SpanFrame frame = root();
        long start = System.nanoTime();
        Thread.sleep(3);
        long end = System.nanoTime();

        frame.io(Io.SLEEP, start, end, null);
        frame.end(null);

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData io = spans.stream().filter(s -> s.getName().equals("sleep")).findFirst()
                .orElseThrow();
        SpanData request = spans.stream().filter(s -> s.getName().equals("GET")).findFirst()
                .orElseThrow();
        assertThat(io.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(io.getAttributes().get(SpanKeys.IO_OP)).isEqualTo("sleep");
        assertThat(io.getEndEpochNanos() - io.getStartEpochNanos()).isEqualTo(end - start);
        assertThat(io.getStartEpochNanos()).isGreaterThanOrEqualTo(request.getStartEpochNanos());
        assertThat(io.getEndEpochNanos()).isLessThanOrEqualTo(request.getEndEpochNanos());
        assertThat(request.getAttributes().get(SpanKeys.SHORT_COUNT)).isNull();
    }

    @Test
    void failedShortOperationStillMakesAnErrorSpan() {
        SpanFrame frame = root();

        frame.io(Io.SOCKET_CONNECT, 10, 20, new java.net.ConnectException("refused"));
        frame.end(null);

        SpanData io = exporter.getFinishedSpanItems().getFirst();
        assertThat(io.getName()).isEqualTo("socket connect");
        assertThat(io.getStatus().getStatusCode().name()).isEqualTo("ERROR");
        assertThat(io.getAttributes().get(SpanKeys.ERROR_TYPE))
                .isEqualTo("java.net.ConnectException");
    }

    @Test
    void openMakesTheFrameAndItsContextCurrentUntilClosed() {
        SpanFrame frame = root();

        FrameScope scope = frame.open();
        assertThat(ThreadState.currentFrame()).isSameAs(frame);
        assertThat(Span.current()).isSameAs(frame.span());
        scope.close();

        assertThat(ThreadState.currentFrame()).isNull();
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void httpCallCarriesTraceparentAndNoSecondHttpSpanStartsInsideIt() {
        SpanFrame frame = root();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/users/x"))
                .header("Accept", "application/json").build();

        HttpCall call = (HttpCall) frame.httpCall(request);
        HttpRequest sent = (HttpRequest) call.request();
        assertThat(call.frame().httpCall(request)).isNull();
        call.end(404, null);

        SpanData http = only();
        assertThat(http.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(sent.headers().firstValue("traceparent")).get().asString()
                .startsWith("00-" + http.getTraceId() + "-" + http.getSpanId() + "-");
        assertThat(sent.headers().firstValue("Accept")).hasValue("application/json");
        assertThat(http.getAttributes().get(SpanKeys.SERVER_PORT)).isEqualTo(9L);
        assertThat(http.getAttributes().get(SpanKeys.HTTP_STATUS)).isEqualTo(404L);
        assertThat(http.getAttributes().get(SpanKeys.ERROR_TYPE)).isEqualTo("404");
    }

    private SpanFrame root() {
        var builder = tracer.spanBuilder("GET").setSpanKind(SpanKind.SERVER);
        return SpanFrame.startRoot(tracer, builder, Context.root());
    }

    private SpanData only() {
        assertThat(exporter.getFinishedSpanItems()).hasSize(1);
        return exporter.getFinishedSpanItems().getFirst();
    }
}
