package io.bindery.e2e.deploy;

import static io.bindery.e2e.deploy.Greeters.admin;
import static io.bindery.e2e.deploy.Greeters.get;
import static io.bindery.e2e.deploy.Greeters.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys, activates and rolls back one worker of a forked server with the agent attached,
 * through {@code scripts/deploy} and the admin API, with the embedded database.
 */
class DeployIT {

    @TempDir
    Path dir;

    private Greeters greeters;
    private Path data;

    @BeforeEach
    void prepare() {
        greeters = new Greeters(dir);
    }

    @AfterEach
    void stopServers() {
        greeters.close();
    }

    @Test
    void pushActivateAndRollBackThroughTheScriptAndTheAdminApi() {
        ForkedServer server = start("deploy-cycle");
        var script = new DeployScript(server, dir.resolve("cli"));

        var push = script.run("push", "greeter", greeters.jar("v1").toString(),
                greeters.entryFile().toString(),
                "--label", "sha-one", "--as", "alice");
        assertThat(push.code()).as(push.toString()).isZero();
        assertThat(push.out()).contains("greeter version 1 stored (label sha-one")
                .contains("by alice; it is active now");
        assertThat(greet(server)).isEqualTo("v1");

        var upload = greeters.upload(server, "v2", "bob");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(Records.json(upload.body()).path("version").asInt()).isEqualTo(2);
        assertThat(greet(server)).isEqualTo("v2");

        var rollback = script.run("rollback", "greeter", "--as", "carol");
        assertThat(rollback.code()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("greeter version 1 (sha-one) is active; version 2 "
                + "was replaced");
        assertThat(greet(server)).isEqualTo("v1");

        var configured = admin(server, "/api/workers/greeter/versions/0/activate", "{}", "dan");
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
        assertThat(greet(server)).isEqualTo("v0");

        var list = script.run("list");
        assertThat(list.out()).containsPattern("greeter +0 +config +- +dan +\\S+ +2")
                .containsPattern("greeter +1 +\\S+ +0 +");
        var versions = script.run("versions", "greeter");
        assertThat(versions.out()).containsPattern("\\* +0 +config")
                .containsPattern("\\n +1 +sha-one").containsPattern("\\n +2 +");
        var history = script.run("history");
        assertThat(history.out().lines().skip(1).map(line -> line.split(" +"))
                .map(cells -> cells[3] + " " + cells[2] + " " + cells[4]).toList())
                .containsExactly("activate 0 dan", "rollback 1 carol", "activate 2 bob",
                        "deploy 2 bob", "activate 1 alice", "deploy 1 alice");
    }

    @Test
    void theVersionIsOnTheWorkersSpanAndInTheBillingRecord() {
        ForkedServer server = start("deploy-version-attributes");
        assertThat(greeters.upload(server, "v1", "alice").statusCode()).isEqualTo(201);

        HttpResponse<String> response = Http.get(server.uri("/greet"));
        assertThat(response.body()).isEqualTo("v1");
        String traceId = Http.traceId(response);

        JsonNode record = Records.record(server, traceId);
        assertThat(record.path("workers").path("greeter").path("version").asText())
                .isEqualTo("1");
        var span = server.spans().awaitSpan(s -> s.traceId().equals(traceId)
                && "worker".equals(s.role()));
        assertThat(span.string("bindery.worker.version")).isEqualTo("1");
    }

    @Test
    void aBrokenJarIsRefusedWhileTheOldVersionKeepsServing() {
        ForkedServer server = start("deploy-refused");
        assertThat(greeters.upload(server, "v1", "alice").statusCode()).isEqualTo(201);
        var script = new DeployScript(server, dir.resolve("cli"));

        var push = script.run("push", "greeter", GreeterJars.empty(dir.resolve("empty"))
                .toString(), greeters.entryFile().toString(), "--as", "mallory");

        assertThat(push.code()).as(push.toString()).isEqualTo(1);
        assertThat(push.err()).contains("greeter version 2 was refused", "version 1 keeps "
                + "serving", "(HTTP 422)", "e2e.deploy.Greeter");
        assertThat(greet(server)).isEqualTo("v1");
        var unbound = admin(server, "/api/workers/greeter/versions", greeters.body("v3",
                Greeters.ENTRY + "bindings: { missing: nowhere }\n"), "mallory");
        assertThat(unbound.statusCode()).as(unbound.body()).isEqualTo(422);
        assertThat(Records.json(unbound.body()).path("errors").toString())
                .contains("bindings.missing", "nowhere");
        assertThat(greet(server)).isEqualTo("v1");
        JsonNode versions = Records.json(get(server, "/api/workers/greeter/versions").body());
        assertThat(versions.path("versions").findValuesAsText("status"))
                .containsExactly("inactive", "active", "refused", "refused");
    }

    @Test
    void restartComesBackWithTheVersionsThatWereActive() throws IOException {
        data = Path.of(System.getProperty(ForkedServer.DIR_PROPERTY, "target/e2e"),
                "deploy-restart-data").toAbsolutePath();
        delete(data);
        ForkedServer first = start("deploy-restart-a");
        assertThat(greeters.upload(first, "v1", "alice").statusCode()).isEqualTo(201);
        assertThat(greeters.upload(first, "v2", "bob").statusCode()).isEqualTo(201);
        assertThat(admin(first, "/api/workers/greeter/versions/1/activate", "{}", "carol")
                .statusCode()).isEqualTo(200);
        assertThat(first.stop()).isZero();
        delete(data.resolve("deploys"));

        ForkedServer second = start("deploy-restart-b");

        assertThat(greet(second)).isEqualTo("v1");
        assertThat(second.output()).contains("Deploy: restored greeter version 1 (activated by "
                + "carol at ");
        JsonNode greeter = Records.json(get(second, "/api/workers").body()).path("workers")
                .get(0);
        assertThat(greeter.path("version").asInt()).isEqualTo(1);
        assertThat(greeter.path("deployedBy").asText()).isEqualTo("carol");
        assertThat(greeter.path("versions").asInt()).isEqualTo(2);
    }

    private ForkedServer start(String name) {
        return greeters.start(name, data);
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(folder));
    }
}
