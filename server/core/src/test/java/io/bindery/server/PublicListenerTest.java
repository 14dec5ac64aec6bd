package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks how the public listener turns HTTP into API requests and back. */
class PublicListenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, """
                workers:
                  - { name: echo, class: io.bindery.server.testworkers.Echo, routes: ["/*"] }
                  - name: headers
                    class: io.bindery.server.testworkers.HeaderEcho
                    routes: [/headers]
                  - name: factory
                    class: io.bindery.server.testworkers.EchoFactory
                    routes: [/factory]
                """);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void requestArrivesWithMethodAbsoluteUrlQueryAndBody() throws IOException {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(
                server.server().publicUrl() + "/a/b%20c?x=1&y=%2F"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("héllo")).build());

        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.path("method").asText()).isEqualTo("PUT");
        assertThat(echo.path("path").asText()).isEqualTo("/a/b%20c");
        assertThat(echo.path("url").asText())
                .isEqualTo(server.server().publicUrl() + "/a/b%20c?x=1&y=%2F");
        assertThat(echo.path("body").asText()).isEqualTo("héllo");
    }

    @Test
    void everyResponseHeaderIsWrittenAndRequestHeadersKeepAllValues() {
        HttpResponse<String> response = server.get("/headers", "X-Multi", "one",
                "X-Multi", "two");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().firstValue("x-seen")).contains("one|two");
    }

    @Test
    void workerFactoryServesItsLambda() {
        assertThat(server.get("/factory").body()).isEqualTo("made by a factory");
    }

    @Test
    void bodyEndingBeforeItsContentLengthIsAnswered400() throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.server().port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 100\r\n\r\nonly twenty bytes...")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);

            assertThat(RawHttp.status(answer)).isEqualTo(400);
            assertThat(RawHttp.body(answer)).contains("\"error\":\"bad_request\"")
                    .contains("the 100 bytes its Content-Length announced");
        }
    }
}
