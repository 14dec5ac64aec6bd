package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks how the request span treats an inbound W3C {@code traceparent}. */
class PropagationIT {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_ID = "b7ad6b7169203331";

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = ForkedServer.builder("propagation").config(Configs.workers("""
                  - name: hello
                    class: io.bindery.e2e.workers.Hello
                    routes: ["/hello"]
                """)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void validTraceparentIsContinued() {
        HttpResponse<String> response = Http.get(server.uri("/hello"),
                "traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.traceId(response)).isEqualTo(TRACE_ID);
        TraceView trace = server.spans().awaitTrace(TRACE_ID, t -> t.request().isPresent());

        SpanRecord request = trace.request().orElseThrow();
        assertThat(request.parentSpanId()).isEqualTo(PARENT_ID);
        assertThat(request.spanId()).isNotEqualTo(PARENT_ID);
        assertThat(request.attributes()).containsEntry("bindery.request.id", TRACE_ID);
        assertThat(Http.traceResponse(response)).startsWith("00-" + TRACE_ID + "-"
                + request.spanId() + "-");
    }

    @Test
    void malformedTraceparentStartsANewTrace() {
        HttpResponse<String> response = Http.get(server.uri("/hello"),
                "traceparent", "00-" + TRACE_ID + "-not-a-span-id-01");
        assertThat(response.statusCode()).isEqualTo(200);
        String traceId = Http.traceId(response);
        assertThat(traceId).isNotEqualTo(TRACE_ID).matches("[0-9a-f]{32}");
        TraceView trace = server.spans().awaitTrace(traceId, t -> t.request().isPresent());

        assertThat(trace.request().orElseThrow().parentSpanId()).isNull();
        assertThat(trace.one("worker hello").parentSpanId())
                .isEqualTo(trace.request().orElseThrow().spanId());
    }
}
