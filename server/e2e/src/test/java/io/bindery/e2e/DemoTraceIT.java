package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the span trees of the demo's /login and /getuser with the agent attached. */
class DemoTraceIT {

    private static TestUpstream upstream;
    private static ForkedServer server;

    @BeforeAll
    static void startServer() throws Exception {
        upstream = TestUpstream.start();
        server = ForkedServer.builder("demo").config(Configs.demo(upstream.url())).start();
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
    void loginRunsGatewayThenLoginThroughABinding() {
        HttpResponse<String> login = login();
        TraceView trace = server.spans().awaitTrace(Http.traceId(login),
                t -> t.has("worker login") && t.request().isPresent());

        SpanRecord request = trace.request().orElseThrow();
        assertThat(request.kind()).isEqualTo("SERVER");
        assertThat(request.name()).isEqualTo("POST /*");
        assertThat(request.parentSpanId()).isNull();
        assertThat(request.attributes()).containsEntry("http.route", "/*")
                .containsEntry("bindery.account", "demo")
                .containsEntry("bindery.worker", "api-gateway")
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("bindery.request.id", request.traceId());
        SpanRecord gateway = trace.one("worker api-gateway");
        assertThat(gateway.parentSpanId()).isEqualTo(request.spanId());
        assertThat(gateway.attributes()).containsEntry("bindery.invocation", "entry");
        SpanRecord binding = trace.one("binding login");
        assertThat(binding.kind()).isEqualTo("CLIENT");
        assertThat(binding.parentSpanId()).isEqualTo(gateway.spanId());
        assertThat(binding.attributes()).containsEntry("bindery.target", "login")
                .containsEntry("bindery.worker", "api-gateway");
        SpanRecord worker = trace.one("worker login");
        assertThat(worker.parentSpanId()).isEqualTo(binding.spanId());
        assertThat(worker.attributes()).containsEntry("bindery.invocation", "bound")
                .containsEntry("bindery.binding", "login");
    }

    @Test
    void getUserTraceReachesTheUpstreamWithItsTraceparent() {
        String token = login().body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> user = Http.get(server.uri("/getuser"),
                "Authorization", "Bearer " + token);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        String traceId = Http.traceId(user);
        TraceView trace = server.spans().awaitTrace(traceId,
                t -> t.has("GET") && t.request().isPresent());

        SpanRecord gateway = trace.one("worker api-gateway");
        SpanRecord auth = trace.one("rpc auth.verify");
        assertThat(auth.parentSpanId()).isEqualTo(gateway.spanId());
        assertThat(auth.attributes()).containsEntry("rpc.service", "io.bindery.demo.AuthService")
                .containsEntry("bindery.span", "binding");
        assertThat(trace.one("worker auth").parentSpanId()).isEqualTo(auth.spanId());
        SpanRecord getUser = trace.one("binding get-user");
        assertThat(getUser.parentSpanId()).isEqualTo(gateway.spanId());
        SpanRecord worker = trace.one("worker get-user");
        assertThat(worker.parentSpanId()).isEqualTo(getUser.spanId());
        SpanRecord http = trace.one("GET");
        assertThat(http.kind()).isEqualTo("CLIENT");
        assertThat(http.parentSpanId()).isEqualTo(worker.spanId());
        assertThat(http.attributes()).containsEntry("bindery.span", "http")
                .containsEntry("http.request.method", "GET")
                .containsEntry("url.full", upstream.url() + "/users/alice")
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("http.response.status_code", 200L);
        assertThat(upstream.traceparents()).anyMatch(value -> value.startsWith(
                "00-" + traceId + "-" + http.spanId() + "-"));
        boolean ioUnder = !trace.children(http).isEmpty()
                || http.number("bindery.io.short_count") > 0;
        assertThat(ioUnder).as("socket I/O spans or short-I/O sums under %s in\n%s", http,
                trace).isTrue();
    }

    @Test
    void everyResponseCarriesTraceresponse() {
        HttpResponse<String> missing = Http.get(server.uri("/nowhere"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.traceResponse(missing))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    private static HttpResponse<String> login() {
        HttpResponse<String> login = Http.post(server.uri("/login"),
                "{\"username\":\"alice\",\"password\":\"wonderland\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login;
    }
}
