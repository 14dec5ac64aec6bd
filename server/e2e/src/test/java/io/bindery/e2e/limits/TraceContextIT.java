package io.bindery.e2e.limits;

import static io.bindery.e2e.Http.traceId;
import static io.bindery.e2e.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.SpanRecord;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks inbound trace context with the agent attached: a valid {@code traceparent} is
 * continued, a malformed one is ignored and the request starts a new trace, and a malformed
 * {@code tracestate} does not stop a valid {@code traceparent} from being continued. Every
 * request is billed under the trace it ended up in.
 */
class TraceContextIT {

    private static final Random RANDOM = new Random(20_261_203L);

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = E2e.start("limits-trace-context", E2e.config("", """
                  - { name: hello, class: io.bindery.e2e.workers.Hello, account: acme,
                      routes: ["/*"] }
                """));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void validTraceparentIsContinued() {
        String traceId = hex(16);
        String parent = hex(8);

        HttpResponse<String> response = Http.get(server.uri("/valid"), "traceparent",
                "00-" + traceId + "-" + parent + "-01", "tracestate", "acme=t61rcWkgMzE");

        assertThat(traceId(response)).isEqualTo(traceId);
        assertThat(requestSpan(traceId).parentSpanId()).isEqualTo(parent);
        assertThat(record(server, traceId).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void malformedTraceparentIsIgnoredAndANewTraceStarts() {
        String traceId = hex(16);
        List<String> malformed = List.of("garbage", "00-" + traceId + "-" + hex(8),
                "00-" + traceId.toUpperCase() + "-" + hex(8) + "-01",
                "00-" + "0".repeat(32) + "-" + hex(8) + "-01",
                "00-" + traceId + "-" + "0".repeat(16) + "-01",
                "ff-" + traceId + "-" + hex(8) + "-01");

        for (String traceparent : malformed) {
            HttpResponse<String> response = Http.get(server.uri("/malformed"), "traceparent",
                    traceparent);

            assertThat(response.statusCode()).as(traceparent).isEqualTo(200);
            String started = traceId(response);
            assertThat(started).as(traceparent).isNotEqualTo(traceId).matches("[0-9a-f]{32}");
            assertThat(requestSpan(started).parentSpanId()).as(traceparent).isNull();
            assertThat(record(server, started).path("status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void malformedTracestateDoesNotStopAValidTraceparent() {
        String traceId = hex(16);
        String parent = hex(8);

        HttpResponse<String> response = Http.get(server.uri("/tracestate"), "traceparent",
                "00-" + traceId + "-" + parent + "-01", "tracestate", "=,no equals,@@=x");

        assertThat(traceId(response)).isEqualTo(traceId);
        assertThat(requestSpan(traceId).parentSpanId()).isEqualTo(parent);
        assertThat(record(server, traceId).path("status").asInt()).isEqualTo(200);
    }

    private static SpanRecord requestSpan(String traceId) {
        return server.spans().awaitTrace(traceId, t -> t.request().isPresent()).request()
                .orElseThrow();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
