package io.bindery.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the deploy CLI against a JDK HTTP server standing in for the admin API. */
class DeployCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Canned> answers = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();
    private HttpServer admin;

    @BeforeEach
    void startAdmin() throws IOException {
        admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        admin.createContext("/", this::answer);
        admin.start();
        environment.put("BINDERY_ADMIN_URL", "http://127.0.0.1:" + admin.getAddress().getPort());
        environment.put("BINDERY_ADMIN_TOKEN", "secret");
        environment.put("BINDERY_ACTOR", "alice");
    }

    @AfterEach
    void stopAdmin() {
        admin.stop(0);
    }

    @Test
    void pushUploadsTheJarAndConfigAndPrintsTheNewVersion() throws Exception {
        Path jar = Files.write(dir.resolve("hello.jar"), new byte[] {1, 2, 3, 4});
        Path config = Files.writeString(dir.resolve("hello.yaml"), "class: a.Hello\n");
        answers.put("POST /api/workers/hello/versions", new Canned(201, """
                {"worker":"hello","version":4,"label":"abc123","sha256":"0123456789abcdef00",
                 "size":4,"createdBy":"alice","active":true}"""));

        int code = run("push", "hello", jar.toString(), config.toString(), "--label", "abc123");

        assertThat(code).isZero();
        Received push = received.get(0);
        assertThat(push.headers()).containsEntry("Authorization", "Bearer secret")
                .containsEntry("X-bindery-actor", "alice");
        JsonNode body = JSON.readTree(push.body());
        assertThat(body.path("config").asText()).isEqualTo("class: a.Hello\n");
        assertThat(Base64.getDecoder().decode(body.path("jar").asText()))
                .containsExactly(1, 2, 3, 4);
        assertThat(body.path("label").asText()).isEqualTo("abc123");
        assertThat(body.path("activate").asBoolean()).isTrue();
        assertThat(stdout()).contains("hello version 4 stored (label abc123, sha256 "
                + "0123456789ab, 4 bytes) by alice; it is active now");
    }

    @Test
    void pushWithoutActivationSaysHowToActivate() throws Exception {
        Path jar = Files.write(dir.resolve("hello.jar"), new byte[] {1});
        Path config = Files.writeString(dir.resolve("hello.yaml"), "class: a.Hello\n");
        answers.put("POST /api/workers/hello/versions", new Canned(201, """
                {"worker":"hello","version":5,"active":false}"""));

        int code = run("push", "hello", jar.toString(), config.toString(), "--no-activate");

        assertThat(code).isZero();
        assertThat(JSON.readTree(received.get(0).body()).path("activate").asBoolean())
                .isFalse();
        assertThat(stdout()).contains("run 'scripts/deploy activate hello 5'");
    }

    @Test
    void aRefusedVersionPrintsEveryErrorAndExitsOne() throws Exception {
        Path jar = Files.write(dir.resolve("broken.jar"), new byte[] {9});
        Path config = Files.writeString(dir.resolve("hello.yaml"), "class: a.Missing\n");
        answers.put("POST /api/workers/hello/versions", new Canned(422, """
                {"error":"deploy_refused","message":"hello version 6 was refused; version 4 \
                keeps serving","errors":[{"text":"hello version 6: class: not found. Fix: x."},
                {"text":"hello version 6: bindings.auth: no worker. Fix: y."}]}"""));

        int code = run("push", "hello", jar.toString(), config.toString());

        assertThat(code).isEqualTo(DeployCli.REFUSED);
        assertThat(stderr()).contains("error: hello version 6 was refused; version 4 keeps "
                + "serving (HTTP 422)", "  - hello version 6: class: not found. Fix: x.",
                "  - hello version 6: bindings.auth: no worker. Fix: y.");
    }

    @Test
    void activateAndRollbackPostToTheWorkersPaths() {
        answers.put("POST /api/workers/hello/versions/2/activate", new Canned(200, """
                {"worker":"hello","version":2,"label":"two","previous":4}"""));
        answers.put("POST /api/workers/hello/rollback", new Canned(200, """
                {"worker":"hello","version":4,"label":"four","previous":2}"""));

        assertThat(run("activate", "hello", "2")).isZero();
        assertThat(run("rollback", "hello", "--as", "bob")).isZero();

        assertThat(received).extracting(Received::line).containsExactly(
                "POST /api/workers/hello/versions/2/activate", "POST /api/workers/hello/rollback");
        assertThat(received.get(1).headers()).containsEntry("X-bindery-actor", "bob");
        assertThat(stdout()).contains("hello version 2 (two) is active; version 4 was replaced",
                "hello version 4 (four) is active; version 2 was replaced");
    }

    @Test
    void listPrintsActiveAndRetiredVersions() {
        answers.put("GET /api/workers", new Canned(200, """
                {"workers":[{"name":"hello","version":3,"label":"abc","sha256":"ffff",
                "deployedBy":"alice","deployedAt":"2026-12-03T15:00:00Z","versions":3,
                "retired":[{"version":2,"retiredAt":"2026-12-03T15:00:00Z",
                "requestsInFlight":0,"loaderClosed":true,"loaderCollected":true}]},
                {"name":"auth","version":0,"label":"config","versions":0,"retired":[]}]}"""));

        assertThat(run("list")).isZero();

        assertThat(stdout()).containsPattern("hello +3 +abc +ffff +alice")
                .containsPattern("auth +0 +config")
                .containsPattern("hello +2 +2026-12-03T15:00:00Z +0 +collected");
    }

    @Test
    void historyAsksForTheLimitAndPrintsNewestFirst() {
        answers.put("GET /api/deploys", new Canned(200, """
                {"deploys":[{"at":"T2","worker":"hello","version":3,"action":"activate",
                "actor":"alice","node":"n1"},{"at":"T1","worker":"hello","version":3,
                "action":"deploy","actor":"alice","node":"n1","detail":"abc"}]}"""));

        assertThat(run("history", "--limit", "2")).isZero();

        assertThat(received.get(0).line()).isEqualTo("GET /api/deploys");
        assertThat(received.get(0).query()).isEqualTo("limit=2");
        assertThat(stdout().indexOf("activate")).isLessThan(stdout().indexOf("deploy "));
    }

    @Test
    void anOptionOverridesTheEnvironment() throws IOException {
        answers.put("GET /api/workers", new Canned(200, "{\"workers\":[]}"));
        String url = environment.put("BINDERY_ADMIN_URL", "http://127.0.0.1:1");

        assertThat(run("list", "--admin", url, "--token", "other", "--json")).isZero();

        assertThat(received.get(0).headers()).containsEntry("Authorization", "Bearer other");
        assertThat(stdout().trim()).isEqualTo("{\"workers\":[]}");
    }

    @Test
    void aWrongTokenIsReportedWithTheServersMessage() {
        answers.put("GET /api/workers", new Canned(401, """
                {"error":"unauthorized","message":"Send the admin token"}"""));

        assertThat(run("list")).isEqualTo(DeployCli.REFUSED);
        assertThat(stderr()).contains("error: Send the admin token (HTTP 401)");
    }

    @Test
    void anUnreachableServerExitsThreeNamingTheUrl() {
        admin.stop(0);

        assertThat(run("list")).isEqualTo(DeployCli.UNREACHABLE);
        assertThat(stderr()).contains("cannot reach the admin API at "
                + environment.get("BINDERY_ADMIN_URL") + "/api/workers", "BINDERY_ADMIN_URL");
    }

    @Test
    void badCommandLinesExitTwoWithoutCallingTheServer() {
        assertThat(run("deploy-everything")).isEqualTo(DeployCli.USAGE);
        assertThat(run("activate", "hello")).isEqualTo(DeployCli.USAGE);
        assertThat(run("activate", "hello", "latest")).isEqualTo(DeployCli.USAGE);
        assertThat(run("push", "hello", dir.resolve("none.jar").toString(), "c.yaml"))
                .isEqualTo(DeployCli.USAGE);
        assertThat(run("list", "--colour")).isEqualTo(DeployCli.USAGE);
        assertThat(run()).isEqualTo(DeployCli.USAGE);

        assertThat(received).isEmpty();
        assertThat(stderr()).contains("unknown command 'deploy-everything'",
                "activate takes 2 arguments: activate WORKER N",
                "the version N 'latest' is not a whole number", "none.jar cannot be read",
                "unknown option --colour", "Usage: scripts/deploy");
    }

    private int run(String... args) {
        var cli = new DeployCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get);
        return cli.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        received.add(new Received(line, exchange.getRequestURI().getQuery(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Canned canned = answers.getOrDefault(line, new Canned(404, "{\"message\":\"none\"}"));
        byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(canned.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private record Received(String line, String query, Map<String, String> headers,
            String body) {
    }

    private record Canned(int status, String body) {
    }
}
