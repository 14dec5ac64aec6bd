package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.demo.UpstreamUserService;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the bills that the agent's spans produce end to end, read back from the admin API:
 * one record per request, overlap charged once, background work that outlives the response
 * included. Bounds are relations between the record's own figures, so a loaded machine that
 * stretches every duration cannot break them.
 */
class BillingIT {

    private static final long MS = 1_000_000L;

    private static UpstreamUserService upstream;
    private static ForkedServer server;

    @BeforeAll
    static void startServer() throws IOException {
        upstream = UpstreamUserService.start(0);
        server = ForkedServer.builder("billing").config(Configs.demo(upstream.url())
                .replace("workers:\n", "workers:\n" + """
                  - name: fan-out
                    class: io.bindery.e2e.workers.FanOut
                    account: acme
                    routes: ["/fanout"]
                    bindings: { left: slow-a, right: slow-b }
                  - name: slow-a
                    class: io.bindery.e2e.workers.Sleeper
                    account: acme
                    vars: { SLEEP_MS: "100" }
                  - name: slow-b
                    class: io.bindery.e2e.workers.Sleeper
                    account: acme
                    vars: { SLEEP_MS: "100" }
                  - name: background
                    class: io.bindery.e2e.workers.Background
                    account: acme
                    routes: ["/background"]
                """)).start();
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
    void demoGetUserIsBilledOnceBetweenItsGatewaySpanAndItsClassicSum() {
        HttpResponse<String> response = getUser();
        JsonNode record = Records.record(server, Http.traceId(response));

        long flattened = record.path("flattenedNanos").asLong();
        long classic = record.path("classicNanos").asLong();
        assertThat(record.path("complete").asBoolean()).isTrue();
        assertThat(record.path("path").asText()).isEqualTo("/getuser");
        assertThat(record.path("status").asInt()).isEqualTo(200);
        assertThat(flattened).isLessThanOrEqualTo(classic)
                .isGreaterThanOrEqualTo(duration(record, "worker api-gateway"));
        assertThat(record.path("workers").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("api-gateway", "auth", "get-user");
        assertThat(record.path("bindingCalls").asInt()).isEqualTo(2);
        assertThat(record.path("subrequests").asInt()).isEqualTo(1);
        assertThat(recordsWithTrace(Http.traceId(response))).isEqualTo(1);
    }

    @Test
    void parallelBindingsAreChargedOnceFlattenedAndThreeTimesClassic() {
        HttpResponse<String> response = Http.get(server.uri("/fanout"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode record = Records.record(server, Http.traceId(response));

        long fanOut = duration(record, "worker fan-out");
        long slowA = duration(record, "worker slow-a");
        long slowB = duration(record, "worker slow-b");
        long flattened = record.path("flattenedNanos").asLong();
        assertThat(slowA).isGreaterThanOrEqualTo(100 * MS);
        assertThat(slowB).isGreaterThanOrEqualTo(100 * MS);
        assertThat(flattened).as("the union is the fan-out's own span, about 100 ms")
                .isEqualTo(fanOut).isLessThan(slowA + slowB);
        assertThat(record.path("classicNanos").asLong()).as("about 300 ms")
                .isEqualTo(fanOut + slowA + slowB);
        assertThat(record.path("savingsNanos").asLong()).isEqualTo(slowA + slowB);
    }

    @Test
    void backgroundTaskThatOutlivesTheResponseExtendsTheBill() {
        HttpResponse<String> response = Http.get(server.uri("/background"));
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode record = Records.record(server, Http.traceId(response));

        long request = duration(record, "GET /background");
        long task = duration(record, "waitUntil background");
        assertThat(record.path("complete").asBoolean()).isTrue();
        assertThat(task).isGreaterThanOrEqualTo(200 * MS);
        assertThat(record.path("flattenedNanos").asLong()).isGreaterThan(request)
                .isGreaterThanOrEqualTo(task);
        assertThat(record.path("classicNanos").asLong())
                .isEqualTo(duration(record, "worker background") + task);
    }

    private static HttpResponse<String> getUser() {
        HttpResponse<String> login = Http.post(server.uri("/login"),
                "{\"username\":\"alice\",\"password\":\"wonderland\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = Records.json(login.body()).path("token").asText();
        HttpResponse<String> user = Http.get(server.uri("/getuser"),
                "Authorization", "Bearer " + token);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        return user;
    }

    private static long recordsWithTrace(String traceId) {
        JsonNode list = Records.json(admin("/api/requests?limit=1000").body());
        long count = 0;
        for (JsonNode record : list.path("records")) {
            count += record.path("traceId").asText().equals(traceId) ? 1 : 0;
        }
        return count;
    }

    private static HttpResponse<String> admin(String path) {
        return Http.get(server.adminUrl().resolve(path),
                "Authorization", "Bearer " + server.adminToken());
    }

    private static long duration(JsonNode record, String spanName) {
        return Records.timelineSpan(record, spanName).path("durationNanos").asLong();
    }
}
