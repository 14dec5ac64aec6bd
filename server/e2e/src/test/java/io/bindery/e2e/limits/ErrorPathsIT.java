package io.bindery.e2e.limits;

import static io.bindery.e2e.Http.traceId;
import static io.bindery.e2e.Records.record;
import static io.bindery.e2e.Records.timelineSpan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import io.bindery.e2e.TraceView;
import io.bindery.e2e.limits.workers.Thrower;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks failures across bindings with the agent attached: what the caller catches, what the
 * client gets when no worker handles the failure, the spans of the failed workers, and the
 * billing record.
 */
class ErrorPathsIT {

    private static final String WORKERS = "io.bindery.e2e.limits.workers.";

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = E2e.start("limits-errors", E2e.config("", """
                  - { name: entry, class: %1$sChain, account: acme, routes: [/chain],
                      bindings: { next: middle } }
                  - { name: middle, class: %1$sChain, account: acme, bindings: { next: thrower } }
                  - { name: thrower, class: %1$sThrower, account: acme }
                  - { name: catcher, class: %1$sCatcher, account: acme, routes: [/catch],
                      bindings: { next: thrower } }
                """.formatted(WORKERS)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void callerCatchesAnExceptionNamingTheCalleeWithItsMessageButNoStack() {
        HttpResponse<String> response = Http.get(server.uri("/catch"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caught = Records.json(response.body());
        assertThat(caught.path("worker").asText()).isEqualTo("thrower");
        assertThat(caught.path("kind").asText()).isEqualTo("IllegalStateException");
        assertThat(caught.path("message").asText()).isEqualTo("The worker 'thrower' failed "
                + "with IllegalStateException: " + Thrower.MESSAGE);
        assertThat(caught.path("stackDepth").asInt()).isZero();
        assertThat(caught.path("hasCause").asBoolean()).isFalse();
        JsonNode record = record(server, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(200);
        assertThat(timelineSpan(record, "worker thrower").path("status").asText())
                .isEqualTo("ERROR");
        assertThat(timelineSpan(record, "worker catcher").path("status").asText())
                .isNotEqualTo("ERROR");
    }

    @Test
    void unhandledFailureGets500JsonWithItsKindAndTraceIdButNotItsMessage() {
        HttpResponse<String> response = Http.get(server.uri("/chain"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = Records.json(response.body());
        assertThat(body.path("error").asText()).isEqualTo("worker_failed");
        assertThat(body.path("kind").asText()).isEqualTo("IllegalStateException");
        assertThat(body.path("worker").asText()).isEqualTo("entry");
        assertThat(body.path("message").asText()).contains("The worker 'entry' failed")
                .contains("passed on from worker 'middle'");
        assertThat(body.path("requestId").asText()).isEqualTo(traceId(response));
        assertThat(response.body()).doesNotContain(Thrower.MESSAGE, "\tat ");
        JsonNode record = record(server, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(500);
        assertThat(record.path("workers").size()).isEqualTo(3);
    }

    @Test
    void everyFailedWorkersSpanHasErrorStatusAndAnExceptionEvent() {
        HttpResponse<String> response = Http.get(server.uri("/chain"));
        String traceId = traceId(response);
        TraceView trace = server.spans().awaitTrace(traceId, t -> t.request().isPresent()
                && t.has("worker thrower") && t.has("worker middle") && t.has("worker entry"));

        for (String worker : new String[] {"entry", "middle", "thrower"}) {
            assertThat(trace.one("worker " + worker).status()).as(worker).isEqualTo("ERROR");
        }
        assertThat(trace.one("worker thrower").string("error.type"))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(trace.one("worker middle").string("error.type"))
                .isEqualTo("io.bindery.worker.BindingException");
        EventLog events = E2e.events(server);
        JsonNode thrown = EventLog.event(events.await(traceId, "worker thrower"), "exception");
        assertThat(thrown.path("exception.type").asText())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(thrown.path("exception.message").asText()).isEqualTo(Thrower.MESSAGE);
        JsonNode passed = EventLog.event(events.await(traceId, "worker middle"), "exception");
        assertThat(passed.path("exception.message").asText()).isEqualTo("The worker 'thrower' "
                + "failed with IllegalStateException: " + Thrower.MESSAGE);
        assertThat(passed.path("exception.stacktrace").asText()).as("no stack of the callee")
                .doesNotContain("Thrower.fetch");
        EventLog.event(events.await(traceId, "worker entry"), "exception");
        assertThat(timelineSpan(record(server, traceId), "worker middle").path("status")
                .asText()).isEqualTo("ERROR");
    }
}
