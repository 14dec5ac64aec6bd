package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the span and the bill of a typed call through a service binding. */
class RpcIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = ForkedServer.builder("rpc").config(Configs.workers("""
                  - name: caller
                    class: io.bindery.e2e.workers.GreetingCaller
                    account: acme
                    routes: ["/greet"]
                    bindings: { greeter: greeting }
                  - name: greeting
                    class: io.bindery.e2e.workers.GreetingWorker
                    account: acme
                """)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typedCallIsAClientSpanAboveTheCalleesWorkerSpan() {
        HttpResponse<String> response = Http.get(server.uri("/greet"));
        assertThat(response.body()).isEqualTo("Hello, world");
        TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                t -> t.request().isPresent() && t.has("worker greeting"));

        SpanRecord rpc = trace.one("rpc greeter.greet");
        assertThat(rpc.kind()).isEqualTo("CLIENT");
        assertThat(rpc.parentSpanId()).isEqualTo(trace.one("worker caller").spanId());
        assertThat(rpc.attributes()).containsEntry("bindery.span", "binding")
                .containsEntry("bindery.binding", "greeter")
                .containsEntry("bindery.target", "greeting")
                .containsEntry("bindery.worker", "caller")
                .containsEntry("rpc.system", "bindery")
                .containsEntry("rpc.service", "io.bindery.e2e.workers.Greeting")
                .containsEntry("rpc.method", "greet");
        SpanRecord callee = trace.one("worker greeting");
        assertThat(callee.parentSpanId()).isEqualTo(rpc.spanId());
        assertThat(callee.attributes()).containsEntry("bindery.invocation", "bound")
                .containsEntry("bindery.binding", "greeter");
    }

    @Test
    void typedCallIsBilledAsABindingCall() throws IOException {
        HttpResponse<String> response = Http.get(server.uri("/greet"));
        String traceId = Http.traceId(response);

        HttpResponse<String> found = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Http.get(server.adminUrl().resolve("/api/requests/" + traceId),
                        "Authorization", "Bearer " + server.adminToken()),
                        r -> r.statusCode() == 200);
        JsonNode record = JSON.readTree(found.body());

        assertThat(record.path("bindingCalls").asInt()).isEqualTo(1);
        assertThat(record.path("workers").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("caller", "greeting");
        assertThat(record.path("workers").path("greeting").path("invocations").asInt())
                .isEqualTo(1);
    }
}
