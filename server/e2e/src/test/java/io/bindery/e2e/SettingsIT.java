package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Checks that the agent's settings take effect and are reported by the admin API, and that a
 * server without the agent says so.
 */
class SettingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLEEPER = """
              - name: sleeper
                class: io.bindery.e2e.workers.Sleeper
                routes: ["/sleep"]
            """;

    @Test
    void disabledGroupMakesNoSpansAndSettingsAreReported() throws Exception {
        try (var server = ForkedServer.builder("settings")
                .env("BINDERY_AGENT_INSTRUMENT_SLEEP", "false")
                .property("bindery.agent.io-threshold", "5ms")
                .config(Configs.workers(SLEEPER)).start()) {
            HttpResponse<String> response = Http.get(server.uri("/sleep"));
            TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                    t -> t.request().isPresent());

            assertThat(trace.has("worker sleeper")).isTrue();
            assertThat(trace.has("sleep")).isFalse();
            JsonNode agent = status(server).path("agent");
            assertThat(agent.path("attached").asBoolean()).isTrue();
            assertThat(agent.path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(agent.path("settings").path("io-threshold").asText()).isEqualTo("5ms");
            assertThat(agent.path("settings").path("instrument.sleep").asText())
                    .isEqualTo("false");
            assertThat(agent.path("settings").path("instrument.sockets").asText())
                    .isEqualTo("true");
        }
    }

    @Test
    void serverWithoutTheAgentRunsAndSaysSo() throws Exception {
        try (var server = ForkedServer.builder("no-agent").agent(false)
                .config(Configs.workers(SLEEPER)).start()) {
            HttpResponse<String> response = Http.get(server.uri("/sleep"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("traceresponse")).isEmpty();
            assertThat(status(server).path("agent").path("status").asText())
                    .isEqualTo("not attached");
            assertThat(server.spans().all()).isEmpty();
        }
    }

    private static JsonNode status(ForkedServer server) throws Exception {
        HttpResponse<String> status = Http.get(server.adminUrl().resolve("/api/status"),
                "Authorization", "Bearer " + server.adminToken());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return JSON.readTree(status.body());
    }
}
