package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.telemetry.BinderyTelemetry;
import io.bindery.telemetry.TelemetryOptions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that the admin listener answers only with the token, except for /health. */
class AdminListenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + TestServer.ADMIN_TOKEN;

    private static BinderyTelemetry telemetry;
    private static TestServer server;

    @BeforeAll
    static void start() {
        telemetry = BinderyTelemetry.start(TelemetryOptions.defaults());
        var loader = WorkerLoader.create();
        var config = ConfigLoader.create(loader, TestServer::freePorts, System::getProperty)
                .load("admin-test.yaml", """
                        workers:
                          - name: echo
                            class: io.bindery.server.testworkers.Echo
                            account: acme
                            routes: ["/echo", "/api/*"]
                            bindings: { self: echo }
                            vars: { COLOUR: blue }
                        """, Path.of(""));
        server = TestServer.start(config, loader, () -> telemetry);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        telemetry.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/status", "/metrics", "/api/requests", "/api/requests/abc",
            "/no/such/page"})
    void refusesRequestsWithoutTheToken(String path) throws IOException {
        HttpResponse<String> response = server.admin(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).isPresent();
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .isEqualTo("unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TestServer.ADMIN_TOKEN + "x",
            "Basic dGVzdC1hZG1pbi10b2tlbg==", TestServer.ADMIN_TOKEN})
    void refusesAWrongToken(String authorization) {
        HttpResponse<String> response = server.admin("/api/status",
                "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsTheRightTokenAndReportsWorkersRoutesAndAgent() throws IOException {
        HttpResponse<String> response = server.admin("/api/status", "Authorization", BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        JsonNode echo = status.path("workers").get(0);
        assertThat(echo.path("name").asText()).isEqualTo("echo");
        assertThat(echo.path("version").asInt()).isZero();
        assertThat(echo.path("label").asText()).isEqualTo("config");
        assertThat(echo.path("account").asText()).isEqualTo("acme");
        assertThat(echo.path("bindings").path("self").asText()).isEqualTo("echo");
        assertThat(echo.path("vars").path("COLOUR").asText()).isEqualTo("blue");
        assertThat(status.path("routes").path("/api/*").asText()).isEqualTo("echo");
        assertThat(status.path("uptime").asText()).startsWith("PT");
        assertThat(status.path("agent").path("attached").asBoolean()).isFalse();
        assertThat(status.path("agent").path("status").asText()).isEqualTo("not attached");
    }

    @Test
    void statusReportsThisJvmsPidHeapAndThreads() throws IOException {
        HttpResponse<String> response = server.admin("/api/status", "Authorization", BEARER);

        JsonNode jvm = JSON.readTree(response.body()).path("jvm");
        assertThat(jvm.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(jvm.path("heapUsedBytes").asLong()).isPositive()
                .isLessThanOrEqualTo(jvm.path("heapCommittedBytes").asLong());
        assertThat(jvm.path("liveThreads").asInt()).isPositive()
                .isLessThanOrEqualTo(jvm.path("peakThreads").asInt());
    }

    @Test
    void healthIsOpenWithoutAToken() {
        HttpResponse<String> response = server.admin("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        HttpResponse<String> response = server.admin("/metrics", "Authorization", BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE");
    }

    @Test
    void requestsListsRecentRecordsAndValidatesTheLimit() throws IOException {
        HttpResponse<String> list = server.admin("/api/requests?limit=5",
                "Authorization", BEARER);
        HttpResponse<String> bad = server.admin("/api/requests?limit=none",
                "Authorization", BEARER);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).isObject()).isTrue();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit");
    }

    @Test
    void unknownTraceIdAnswers404Json() throws IOException {
        HttpResponse<String> response = server.admin("/api/requests/"
                + "0af7651916cd43dd8448eb211c80319c", "Authorization", BEARER);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .isEqualTo("not_found");
    }

    @Test
    void publicListenerDoesNotServeTheAdminApi() {
        assertThat(server.get("/api/status", "Authorization", BEARER).body())
                .contains("\"worker\":\"echo\"");
        assertThat(server.get("/health").statusCode()).isEqualTo(404);
    }
}
