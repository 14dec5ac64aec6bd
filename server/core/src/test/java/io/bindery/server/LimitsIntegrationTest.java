package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.bindery.server.testworkers.LimitProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks every per-request limit on a real server over real HTTP, without the agent. */
class LimitsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKERS = "io.bindery.server.testworkers.";
    private static final AtomicInteger UPSTREAM_HITS = new AtomicInteger();

    @TempDir
    static Path dir;

    private static HttpServer upstream;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0);
        upstream.createContext("/", exchange -> {
            UPSTREAM_HITS.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        upstream.start();
        String target = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/";
        server = TestServer.start(dir, """
                limits:
                  maxSubrequests: 3
                  requestTimeout: 300ms
                  backgroundTaskTimeout: 200ms
                  maxRequestBodySize: 64KiB
                  maxHeaderCount: 20
                  maxHeaderSize: 4KiB
                  maxUrlLength: 1KiB
                workers:
                  - { name: echo, class: %1$sEcho, routes: [/echo] }
                  - name: self
                    class: %1$sPassingCaller
                    routes: [/self]
                    bindings: { failing: self }
                  - name: ping
                    class: %1$sPassingCaller
                    routes: [/ping]
                    bindings: { failing: pong }
                    limits: { maxInvocations: 6 }
                  - { name: pong, class: %1$sPassingCaller, bindings: { failing: ping } }
                  - name: fetcher
                    class: %1$sManyFetches
                    routes: [/fetch]
                    vars: { TARGET: "%2$s" }
                  - { name: stall, class: %1$sStalling, routes: [/stall] }
                  - name: fan-out
                    class: %1$sFanOutStalling
                    routes: [/fan-out]
                    bindings: { slow: stall }
                  - name: late
                    class: %1$sLateResponder
                    routes: [/late]
                    limits: { requestTimeout: 5s }
                  - name: big
                    class: %1$sEcho
                    routes: [/big]
                    limits: { maxRequestBodySize: 128KiB, maxHeaderCount: 30 }
                """.formatted(WORKERS, target));
    }

    @AfterAll
    static void stop() throws IOException {
        LimitProbe.reset(0);
        server.close();
        upstream.stop(0);
    }

    @BeforeEach
    void forget() {
        LimitProbe.reset(1);
        UPSTREAM_HITS.set(0);
    }

    @Test
    void workerThatBindsToItselfStopsAtTheInvocationLimitInsteadOfTheStack() throws IOException {
        HttpResponse<String> response = server.get("/self");

        JsonNode body = limitError(response, 500, "InvocationLimitExceeded");
        assertThat(body.path("limit").asText()).isEqualTo("maxInvocations");
        assertThat(body.path("value").asText()).isEqualTo("32");
        assertThat(body.path("configKey").asText()).isEqualTo("limits.maxInvocations");
        assertThat(body.path("message").asText())
                .contains("from 'self' to 'self' through binding 'failing'")
                .contains("would be worker invocation 33").contains("at most 32")
                .contains("raise limits.maxInvocations in the configuration");
    }

    @Test
    void workersThatCallEachOtherStopAtTheEntryWorkersOwnInvocationLimit() throws IOException {
        HttpResponse<String> response = server.get("/ping");

        JsonNode body = limitError(response, 500, "InvocationLimitExceeded");
        assertThat(body.path("value").asText()).isEqualTo("6");
        assertThat(body.path("configKey").asText())
                .isEqualTo("workers[2].limits.maxInvocations (worker 'ping')");
        assertThat(body.path("message").asText()).contains("would be worker invocation 7");
    }

    @Test
    void fetchPastTheSubrequestLimitFailsWithoutReachingTheUpstream() throws IOException {
        assertThat(server.get("/fetch?3").statusCode()).isEqualTo(200);
        UPSTREAM_HITS.set(0);

        HttpResponse<String> response = server.get("/fetch?4");

        JsonNode body = limitError(response, 500, "SubrequestLimitExceeded");
        assertThat(body.path("configKey").asText()).isEqualTo("limits.maxSubrequests");
        assertThat(body.path("message").asText()).contains("worker 'fetcher'")
                .contains("outbound fetch 4").contains("at most 3");
        assertThat(UPSTREAM_HITS).hasValue(3);
    }

    @Test
    void requestPastItsWallTimeAnswers504AtOnceAndInterruptsItsWorker() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = server.get("/stall");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        JsonNode body = limitError(response, 504, "RequestTimeout");
        assertThat(body.path("value").asText()).isEqualTo("300ms");
        assertThat(body.path("message").asText()).contains("worker 'stall'")
                .contains("wall-time limit of 300ms (limits.requestTimeout)");
        assertThat(tookMillis).isLessThan(5_000);
        await().atMost(Duration.ofSeconds(5)).untilAtomic(LimitProbe.INTERRUPTED,
                org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void wallTimeInterruptsThreadsTheWorkerStartedForBindings() throws Exception {
        HttpResponse<String> response = server.get("/fan-out");

        limitError(response, 504, "RequestTimeout");
        assertThat(LimitProbe.stalled.await(5, TimeUnit.SECONDS)).isTrue();
        // The interrupted child thread ends with an uncaught BindingException, as it should;
        // Awaitility would otherwise report it as this test's failure when it lands mid-wait.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(5))
                .untilAtomic(LimitProbe.INTERRUPTED, org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void backgroundTaskClockStartsAtTheResponse() {
        HttpResponse<String> response = server.get("/late?500");

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> LimitProbe.TASK_INTERRUPTED_AT.get() != 0);
        long afterResponse = LimitProbe.TASK_INTERRUPTED_AT.get() - LimitProbe.RESPONDED_AT.get();
        assertThat(afterResponse).as("interrupted 200 ms after the response, not after "
                + "registration").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void announcedBodyOverTheLimitAnswers413BeforeItIsSent() throws IOException {
        String answer = RawHttp.exchange(server.server().port(), "POST /echo HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: 70000\r\n", null, 0);

        JsonNode body = rawLimitError(answer, 413, "RequestBodyTooLarge");
        assertThat(body.path("message").asText()).contains("a Content-Length of 70000 bytes")
                .contains("at most 65536 bytes (64 KiB) (limits.maxRequestBodySize)");
        assertThat(body.path("worker").asText()).isEqualTo("echo");
    }

    @Test
    void announcedBodyOverTheHelidonCapAnswers413NamingTheRoutesLimit() throws IOException {
        String answer = RawHttp.exchange(server.server().port(), "POST /echo HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: 700000\r\n", null, 0);

        JsonNode body = rawLimitError(answer, 413, "RequestBodyTooLarge");
        assertThat(body.path("message").asText()).contains("700000 bytes")
                .contains("(limits.maxRequestBodySize)");
    }

    @Test
    void chunkedBodyOverTheLimitAnswers413OnceTheLimitIsPassed() throws IOException {
        byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        String answer = RawHttp.exchange(server.server().port(), "POST /big HTTP/1.1\r\n"
                + "Host: localhost\r\nTransfer-Encoding: chunked\r\n", chunk, 100);

        JsonNode body = rawLimitError(answer, 413, "RequestBodyTooLarge");
        assertThat(body.path("configKey").asText())
                .isEqualTo("workers[8].limits.maxRequestBodySize (worker 'big')");
        assertThat(body.path("message").asText()).contains("more than 131072 bytes");
    }

    @Test
    void bodyWithinTheEntryWorkersLargerLimitIsServed() {
        HttpResponse<String> response = server.post("/big", "y".repeat(100_000));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyHeaderFieldsAnswer431() throws IOException {
        String[] headers = new String[40];
        for (int i = 0; i < headers.length; i += 2) {
            headers[i] = "X-Field-" + i;
            headers[i + 1] = "v";
        }

        HttpResponse<String> response = server.get("/echo", headers);

        JsonNode body = limitError(response, 431, "TooManyHeaders");
        assertThat(body.path("message").asText()).contains("at most 20 are allowed "
                + "(limits.maxHeaderCount)");
    }

    @Test
    void headerSectionOverItsSizeAnswers431() throws IOException {
        String answer = RawHttp.exchange(server.server().port(), "GET /echo HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Big: " + "h".repeat(5000) + "\r\n", null, 0);

        JsonNode body = rawLimitError(answer, 431, "HeadersTooLarge");
        assertThat(body.path("message").asText()).contains("exceed 4096 bytes (4 KiB)")
                .contains("limits.maxHeaderSize");
    }

    @Test
    void requestLineOverItsLengthAnswers414() throws IOException {
        String answer = RawHttp.exchange(server.server().port(), "GET /echo?"
                + "q".repeat(2000) + " HTTP/1.1\r\nHost: localhost\r\n", null, 0);

        JsonNode body = rawLimitError(answer, 414, "UrlTooLong");
        assertThat(body.path("message").asText()).contains("exceeds 1024 bytes (1 KiB)")
                .contains("limits.maxUrlLength");
    }

    private static JsonNode limitError(HttpResponse<String> response, int status, String kind)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return limitError(response.body(), kind);
    }

    private static JsonNode rawLimitError(String answer, int status, String kind)
            throws IOException {
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(status);
        return limitError(RawHttp.body(answer), kind);
    }

    private static JsonNode limitError(String text, String kind) throws IOException {
        JsonNode body = JSON.readTree(text);
        assertThat(body.path("error").asText()).isEqualTo("limit_exceeded");
        assertThat(body.path("kind").asText()).isEqualTo(kind);
        assertThat(body.path("requestId").asText()).matches("[0-9a-f]{32}");
        assertThat(body.path("configKey").asText()).contains("limits.");
        return body;
    }
}
