package io.bindery.e2e.limits;

import static io.bindery.e2e.Http.traceId;
import static io.bindery.e2e.Records.record;
import static io.bindery.e2e.Records.timelineSpan;
import static io.bindery.e2e.limits.E2e.limitError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.SpanRecord;
import io.bindery.e2e.TestUpstream;
import io.bindery.e2e.TraceView;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the limits a request's workers can reach, with the agent attached: invocations,
 * subrequests, wall time and background time; each answer names the limit, and each request
 * is billed.
 */
class WorkerLimitsIT {

    private static final String WORKERS = "io.bindery.e2e.limits.workers.";

    private static TestUpstream upstream;
    private static ForkedServer server;

    @BeforeAll
    static void startServer() throws Exception {
        upstream = TestUpstream.start();
        server = E2e.start("limits-workers", E2e.config("""
                  maxSubrequests: 3
                  requestTimeout: 1s
                  backgroundTaskTimeout: 300ms
                """, """
                  - { name: self, class: %1$sChain, account: acme, routes: [/self],
                      bindings: { next: self } }
                  - { name: ping, class: %1$sChain, account: acme, routes: [/ping],
                      bindings: { next: pong }, limits: { maxInvocations: 6 } }
                  - { name: pong, class: %1$sChain, account: acme, bindings: { next: ping } }
                  - { name: fetcher, class: io.bindery.server.testworkers.ManyFetches,
                      account: acme, routes: [/fetch], vars: { TARGET: "%2$s/users/alice" } }
                  - { name: stall, class: %1$sStall, account: acme, routes: [/stall] }
                  - { name: fan-out, class: %1$sFanOutStall, account: acme, routes: [/fan-out],
                      bindings: { slow: stall } }
                  - { name: background, class: %1$sBackgroundStall, account: acme,
                      routes: [/background] }
                """.formatted(WORKERS, upstream.url())));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void workerBoundToItselfFailsAtTheThirtyThirdInvocationAndIsBilled() {
        HttpResponse<String> response = Http.get(server.uri("/self"));

        JsonNode body = limitError(response.statusCode(), response.body(), 500,
                "InvocationLimitExceeded");
        assertThat(body.path("limit").asText()).isEqualTo("maxInvocations");
        assertThat(body.path("value").asText()).isEqualTo("32");
        assertThat(body.path("configKey").asText()).isEqualTo("limits.maxInvocations");
        assertThat(body.path("message").asText()).contains("would be worker invocation 33")
                .contains("at most 32 (limits.maxInvocations)");
        String traceId = traceId(response);
        assertThat(body.path("requestId").asText()).isEqualTo(traceId);
        JsonNode record = record(server, traceId);
        assertThat(record.path("status").asInt()).isEqualTo(500);
        assertThat(record.path("account").asText()).isEqualTo("acme");
        assertThat(record.path("workers").path("self").path("invocations").asInt())
                .isEqualTo(32);
        assertThat(timelineSpan(record, "GET /self").path("status").asText())
                .isEqualTo("ERROR");
    }

    @Test
    void workersCallingEachOtherStopAtTheEntryWorkersOwnLimit() {
        HttpResponse<String> response = Http.get(server.uri("/ping"));

        JsonNode body = limitError(response.statusCode(), response.body(), 500,
                "InvocationLimitExceeded");
        assertThat(body.path("value").asText()).isEqualTo("6");
        assertThat(body.path("configKey").asText())
                .isEqualTo("workers[1].limits.maxInvocations (worker 'ping')");
        JsonNode record = record(server, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(500);
        assertThat(record.path("workers").path("ping").path("invocations").asInt()
                + record.path("workers").path("pong").path("invocations").asInt())
                .isEqualTo(6);
    }

    @Test
    void fetchPastTheSubrequestLimitFailsAndOnlyTheAllowedOnesAreBilled() {
        HttpResponse<String> response = Http.get(server.uri("/fetch?4"));

        JsonNode body = limitError(response.statusCode(), response.body(), 500,
                "SubrequestLimitExceeded");
        assertThat(body.path("message").asText()).contains("worker 'fetcher'")
                .contains("outbound fetch 4").contains("at most 3 (limits.maxSubrequests)");
        JsonNode record = record(server, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(500);
        assertThat(record.path("subrequests").asInt()).isEqualTo(3);
    }

    @Test
    void requestPastItsWallTimeGets504AndItsWorkerIsInterrupted() {
        long start = System.nanoTime();
        HttpResponse<String> response = Http.get(server.uri("/stall"));
        long took = System.nanoTime() - start;

        JsonNode body = limitError(response.statusCode(), response.body(), 504,
                "RequestTimeout");
        assertThat(body.path("message").asText()).contains("worker 'stall'")
                .contains("wall-time limit of 1s (limits.requestTimeout)");
        assertThat(took).isLessThan(TimeUnit.SECONDS.toNanos(5));
        String traceId = traceId(response);
        TraceView trace = server.spans().awaitTrace(traceId,
                t -> t.request().isPresent() && t.has("worker stall"));
        SpanRecord worker = trace.one("worker stall");
        assertThat(worker.status()).isEqualTo("ERROR");
        assertThat(worker.string("error.type")).isEqualTo("java.lang.InterruptedException");
        JsonNode record = record(server, traceId);
        assertThat(record.path("status").asInt()).isEqualTo(504);
        assertThat(timelineSpan(record, "worker stall").path("status").asText())
                .isEqualTo("ERROR");
    }

    @Test
    void wallTimeInterruptsTheThreadsAWorkerStartedForBindings() {
        HttpResponse<String> response = Http.get(server.uri("/fan-out"));

        limitError(response.statusCode(), response.body(), 504, "RequestTimeout");
        String traceId = traceId(response);
        TraceView trace = server.spans().awaitTrace(traceId, t -> t.request().isPresent()
                && t.has("worker stall") && t.has("worker fan-out"));
        assertThat(trace.one("worker stall").string("error.type"))
                .isEqualTo("java.lang.InterruptedException");
        assertThat(trace.one("binding slow").status()).isEqualTo("ERROR");
        assertThat(trace.one("worker fan-out").status()).isEqualTo("ERROR");
        assertThat(record(server, traceId).path("status").asInt()).isEqualTo(504);
    }

    @Test
    void backgroundTaskPastItsTimeAfterTheResponseIsCancelledAndBilledAsSuch() {
        HttpResponse<String> response = Http.get(server.uri("/background"));

        assertThat(response.statusCode()).isEqualTo(202);
        String traceId = traceId(response);
        TraceView trace = server.spans().awaitTrace(traceId,
                t -> t.request().isPresent() && t.has("waitUntil background"));
        SpanRecord task = trace.one("waitUntil background");
        SpanRecord request = trace.request().orElseThrow();
        assertThat(task.status()).isEqualTo("ERROR");
        assertThat(task.string("error.type"))
                .isEqualTo("io.bindery.server.runtime.TaskCancelledException");
        // The 300 ms run from the response, which comes after the request's start; measuring
        // from the request span's end instead would depend on how late the agent ends it.
        assertThat(task.endEpochNanos() - request.startEpochNanos())
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(E2e.events(server).await(traceId, "waitUntil background")
                .path("description").asText()).isEqualTo("cancelled");
        JsonNode record = record(server, traceId);
        assertThat(record.path("status").asInt()).isEqualTo(202);
        assertThat(timelineSpan(record, "waitUntil background").path("status").asText())
                .isEqualTo("ERROR");
        assertThat(server.output()).contains("cancelled: it ran longer than 300ms after the "
                + "response (limits.backgroundTaskTimeout)");
    }
}
