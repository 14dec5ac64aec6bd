package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that work handed to other threads stays in the request's trace: bindings fanned out
 * on virtual threads, background tasks, and that lambda workers get worker spans.
 */
class HandoffIT {

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = ForkedServer.builder("handoff").config(Configs.workers("""
                  - name: fan-out
                    class: io.bindery.e2e.workers.FanOut
                    account: acme
                    routes: ["/fanout"]
                    bindings: { left: sleeper-a, right: sleeper-b }
                  - name: sleeper-a
                    class: io.bindery.e2e.workers.Sleeper
                    account: acme
                  - name: sleeper-b
                    class: io.bindery.e2e.workers.Sleeper
                    account: acme
                  - name: background
                    class: io.bindery.e2e.workers.Background
                    account: acme
                    routes: ["/background"]
                  - name: lambda
                    class: io.bindery.e2e.workers.LambdaWorkers
                    account: acme
                    routes: ["/lambda"]
                """)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bindingsFannedOutOnVirtualThreadsStayInOneTrace() {
        HttpResponse<String> response = Http.get(server.uri("/fanout"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.request().isPresent() && t.named("sleep").size() == 2);

        SpanRecord fanOut = trace.one("worker fan-out");
        SpanRecord left = trace.one("binding left");
        SpanRecord right = trace.one("binding right");
        assertThat(List.of(left.parentSpanId(), right.parentSpanId()))
                .containsOnly(fanOut.spanId());
        SpanRecord sleeperA = trace.one("worker sleeper-a");
        SpanRecord sleeperB = trace.one("worker sleeper-b");
        assertThat(sleeperA.parentSpanId()).isEqualTo(left.spanId());
        assertThat(sleeperB.parentSpanId()).isEqualTo(right.spanId());
        assertThat(trace.named("sleep")).extracting(SpanRecord::parentSpanId)
                .containsExactlyInAnyOrder(sleeperA.spanId(), sleeperB.spanId());
        assertThat(left.startEpochNanos()).isLessThan(right.endEpochNanos());
        assertThat(right.startEpochNanos()).isLessThan(left.endEpochNanos());
    }

    @Test
    void backgroundSpanOutlivesTheRequestInTheSameTrace() {
        HttpResponse<String> response = Http.get(server.uri("/background"));
        assertThat(response.statusCode()).isEqualTo(202);
        TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.request().isPresent() && t.has("waitUntil background"));

        SpanRecord request = trace.request().orElseThrow();
        SpanRecord worker = trace.one("worker background");
        SpanRecord task = trace.one("waitUntil background");
        assertThat(task.parentSpanId()).isEqualTo(worker.spanId());
        assertThat(task.attributes()).containsEntry("bindery.span", "background")
                .containsEntry("bindery.worker", "background")
                .containsEntry("bindery.account", "acme");
        assertThat(task.startEpochNanos()).isLessThan(worker.endEpochNanos());
        assertThat(task.endEpochNanos()).isGreaterThan(request.endEpochNanos());
        assertThat(task.status()).isNotEqualTo("ERROR");
        SpanRecord sleep = trace.one("sleep");
        assertThat(sleep.parentSpanId()).isEqualTo(task.spanId());
    }

    @Test
    void backgroundFailureIsRecordedOnItsSpan() {
        HttpResponse<String> response = Http.get(server.uri("/background?fail"));
        TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.has("waitUntil background"));

        SpanRecord task = trace.one("waitUntil background");
        assertThat(task.status()).isEqualTo("ERROR");
        assertThat(task.attributes()).containsEntry("error.type",
                IllegalStateException.class.getName());
    }

    @Test
    void lambdaWorkerHasItsWorkerSpan() {
        HttpResponse<String> response = Http.get(server.uri("/lambda"));
        assertThat(response.body()).isEqualTo("lambda\n");
        TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.request().isPresent() && t.has("worker lambda"));

        SpanRecord worker = trace.one("worker lambda");
        assertThat(worker.parentSpanId()).isEqualTo(trace.request().orElseThrow().spanId());
        assertThat(worker.attributes()).containsEntry("bindery.worker", "lambda")
                .containsEntry("bindery.invocation", "entry");
    }
}
