package io.bindery.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.e2e.Configs;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import io.bindery.e2e.TestUpstream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the README's "try it" path: the example worker of {@code workers/hello}, built as
 * its own jar, is pushed with {@code scripts/deploy} onto a running demo, changed, and rolled
 * back, while the demo's own workers keep answering.
 */
class HelloExampleIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("workers/hello/target/hello-worker.jar");
    private static final Path ENTRY = ROOT.resolve("workers/hello/hello.yaml");

    @TempDir
    Path dir;

    private TestUpstream upstream;
    private ForkedServer server;

    @BeforeEach
    void start() throws IOException {
        upstream = TestUpstream.start();
        server = ForkedServer.builder("hello-example").config(Configs.demo(upstream.url()))
                .env("BINDERY_DATA_DIR", dir.resolve("data").toString()).start();
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void theExampleWorkerDeploysOntoTheDemoChangesAndRollsBack() throws IOException {
        assertThat(Files.isRegularFile(JAR)).as(JAR + " is built before the e2e tests")
                .isTrue();
        var script = new DeployScript(server, dir.resolve("cli"));
        assertThat(Http.get(server.uri("/hello")).statusCode())
                .as("the demo's gateway knows no /hello").isEqualTo(404);

        var first = script.run("push", "hello", JAR.toString(), ENTRY.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(message("/hello?name=Ada")).isEqualTo("Hello, Ada!");

        Path bonjour = Files.writeString(dir.resolve("hello.yaml"),
                Files.readString(ENTRY).replace("GREETING: Hello", "GREETING: Bonjour"));
        var second = script.run("push", "hello", JAR.toString(), bonjour.toString());
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(message("/hello")).isEqualTo("Bonjour, world!");

        var rollback = script.run("rollback", "hello");
        assertThat(rollback.code()).as(rollback.toString()).isZero();
        assertThat(message("/hello")).isEqualTo("Hello, world!");
        assertThat(Http.get(server.uri("/getuser")).statusCode())
                .as("the gateway still answers the demo's own paths").isEqualTo(401);
    }

    private String message(String path) {
        HttpResponse<String> response = Http.get(server.uri(path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Records.json(response.body()).path("message").asText();
    }
}
