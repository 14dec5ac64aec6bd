package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Checks that the agent starts in a server without workers and traces its 404 answers. */
class NoWorkersIT {

    @Test
    void serverWithoutWorkersAnswers404WithARequestSpan() {
        try (var server = ForkedServer.builder("no-workers").config(Configs.noWorkers())
                .start()) {
            HttpResponse<String> response = Http.get(server.uri("/anything"));

            assertThat(response.statusCode()).isEqualTo(404);
            TraceView trace = server.spans().awaitTrace(Http.traceId(response),
                    t -> t.request().isPresent());
            SpanRecord request = trace.request().orElseThrow();
            assertThat(request.name()).isEqualTo("GET");
            assertThat(request.attributes()).containsEntry("http.response.status_code", 404L)
                    .containsEntry("url.path", "/anything")
                    .doesNotContainKey("http.route");
            assertThat(trace.size()).isEqualTo(1);
            assertThat(server.output()).doesNotContain("Bindery agent skips");
        }
    }
}
