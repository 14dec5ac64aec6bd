package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the spans of blocking I/O of every kind, on the request's thread and on pool threads,
 * with the I/O threshold at zero so that every operation makes a span.
 */
class BlockingIoIT {

    private static TestUpstream upstream;
    private static ForkedServer server;
    private static TraceView trace;

    @BeforeAll
    static void startServerAndCall() throws Exception {
        upstream = TestUpstream.start();
        server = ForkedServer.builder("blocking-io")
                .property("bindery.agent.io-threshold", "0ms")
                .config(Configs.workers("""
                  - name: io
                    class: io.bindery.e2e.workers.BlockingIo
                    routes: ["/io"]
                    vars: { UPSTREAM_URL: "%s" }
                """.formatted(upstream.url()))).start();
        HttpResponse<String> response = Http.get(server.uri("/io"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.request().isPresent() && t.named("sleep").size() >= 5);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void sleepsOnTheRequestThreadAndOnPoolThreadsAreChildrenOfTheWorker() {
        SpanRecord worker = trace.one("worker io");
        assertThat(trace.named("sleep")).hasSize(5)
                .allSatisfy(sleep -> assertThat(sleep.parentSpanId()).isEqualTo(worker.spanId()))
                .allSatisfy(sleep -> assertThat(sleep.attributes())
                        .containsEntry("bindery.span", "io").containsEntry("bindery.io.op",
                                "sleep"));
    }

    @Test
    void fileChannelAndJdbcOperationsAreTimed() {
        SpanRecord worker = trace.one("worker io");
        assertThat(trace.named("file write")).isNotEmpty()
                .allSatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(worker.spanId()));
        assertThat(trace.named("file read")).isNotEmpty();
        assertThat(trace.named("jdbc execute")).hasSize(1);
    }

    @Test
    void jdkHttpClientsMakeHttpSpansAndSendTraceparent() {
        SpanRecord worker = trace.one("worker io");
        var http = trace.withRole("http");
        assertThat(http).hasSize(3)
                .allSatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(worker.spanId()));
        assertThat(http).extracting(span -> span.string("url.full")).containsExactlyInAnyOrder(
                upstream.url() + "/users/url-connection", upstream.url() + "/users/http-client",
                upstream.url() + "/users/send-async");
        for (SpanRecord span : http) {
            assertThat(span.attributes()).containsEntry("http.response.status_code", 200L);
            assertThat(upstream.traceparents()).anyMatch(value -> value.startsWith(
                    "00-" + span.traceId() + "-" + span.spanId() + "-"));
        }
    }

    @Test
    void socketOperationsOfTheUrlConnectionAreUnderItsSpan() {
        SpanRecord connection = trace.withRole("http").stream()
                .filter(span -> span.string("url.full").endsWith("url-connection"))
                .findFirst().orElseThrow();
        assertThat(trace.children(connection)).extracting(SpanRecord::name)
                .contains("socket connect", "socket write", "socket read");
    }
}
