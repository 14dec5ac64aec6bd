package io.bindery.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports a request's spans to a real Zipkin server on loopback, through OpenTelemetry's
 * Zipkin exporter, and reads the trace back through Zipkin's API.
 *
 * <p>Zipkin (the {@code zipkin-server} exec jar, copied by the build) runs as a process of its
 * own, with in-memory storage.
 */
class ZipkinIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process zipkin;
    private static URI zipkinUrl;

    @BeforeAll
    static void startZipkin() throws IOException {
        Path jar = Path.of(System.getProperty("zipkin.server.jar", "target/zipkin/"
                + "zipkin-server.jar").trim());
        assertThat(jar).as("the Zipkin server jar; 'mvn verify' copies it").isRegularFile();
        int port = freePort();
        Path dir = Path.of(System.getProperty(ForkedServer.DIR_PROPERTY, "target/e2e").trim(),
                "zipkin");
        Files.createDirectories(dir);
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("zipkin.log").toFile());
        builder.environment().put("QUERY_PORT", Integer.toString(port));
        builder.environment().put("STORAGE_TYPE", "mem");
        zipkin = builder.start();
        ForkedServer.stopWithThisJvm(zipkin);
        zipkinUrl = URI.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> Http.get(zipkinUrl.resolve("/health")).statusCode() == 200);
    }

    @AfterAll
    static void stopZipkin() throws InterruptedException {
        if (zipkin != null) {
            zipkin.destroy();
            if (!zipkin.waitFor(20, TimeUnit.SECONDS)) {
                zipkin.destroyForcibly();
            }
        }
    }

    @Test
    void traceExportedToZipkinCanBeReadBack() {
        try (var server = ForkedServer.builder("zipkin-export")
                .jsonlSpans(false)
                .env("OTEL_TRACES_EXPORTER", "zipkin")
                .env("OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkinUrl.resolve("/api/v2/spans")
                        .toString())
                .config(Configs.workers("""
                          - name: hello
                            class: io.bindery.e2e.workers.Hello
                            routes: ["/hello"]
                        """)).start()) {
            HttpResponse<String> response = Http.get(server.uri("/hello"));
            assertThat(response.statusCode()).isEqualTo(200);
            String traceId = Http.traceId(response);

            List<String> names = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> spanNames(traceId), found -> found.size() >= 2);
            assertThat(names).contains("get /hello", "worker hello");
        }
    }

    private static List<String> spanNames(String traceId) throws IOException {
        HttpResponse<String> trace = Http.get(zipkinUrl.resolve("/api/v2/trace/" + traceId));
        var names = new ArrayList<String>();
        if (trace.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(trace.body())) {
                assertThat(span.path("tags").path("bindery.span").asText()).isNotEmpty();
                names.add(span.path("name").asText().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
