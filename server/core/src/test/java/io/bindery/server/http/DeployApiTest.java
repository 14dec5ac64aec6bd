package io.bindery.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.ledger.DeployStore;
import io.bindery.ledger.LedgerSettings;
import io.bindery.server.BinderyServer;
import io.bindery.server.LogCapture;
import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.deploy.service.DeployService;
import io.bindery.server.deploy.service.JarCache;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.server.runtime.WorkerRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the deploy API of a real server over HTTP, with the deploy store in an embedded H2
 * database: upload, activate, roll back, refusals, errors, and the restore at start.
 */
class DeployApiTest {

    private static final String CLASS = "com.example.hello.Hello";
    private static final String ENTRY = "class: " + CLASS + "\nroutes: [\"/hello\"]\n";
    private static final String TOKEN = TestServer.ADMIN_TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<DeployService> services = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        client.close();
    }

    @Test
    void uploadActivatesTheVersionAndListsItWithWhoDeployedIt() throws Exception {
        BinderyServer server = start();

        var created = post(server, "/api/workers/hello/versions", upload("one", "abc123"),
                "alice");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode version = JSON.readTree(created.body());
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("active").asBoolean()).isTrue();
        assertThat(version.path("previous").asInt()).isZero();
        assertThat(version.path("sha256").asText()).hasSize(64);
        assertThat(hello(server)).isEqualTo("hello one");
        JsonNode hello = JSON.readTree(get(server, "/api/workers").body()).path("workers")
                .get(0);
        assertThat(hello.path("name").asText()).isEqualTo("hello");
        assertThat(hello.path("version").asInt()).isEqualTo(1);
        assertThat(hello.path("label").asText()).isEqualTo("abc123");
        assertThat(hello.path("deployedBy").asText()).isEqualTo("alice");
        assertThat(hello.path("versions").asInt()).isEqualTo(1);
        assertThat(hello.path("retired").findValuesAsText("version")).containsExactly("0");
        JsonNode status = JSON.readTree(get(server, "/api/status").body()).path("workers")
                .get(0);
        assertThat(status.path("version").asInt()).isEqualTo(1);
        assertThat(status.path("label").asText()).isEqualTo("abc123");
    }

    @Test
    void acceptsAJarWhoseBase64IsLongerThanJacksonsDefaultStringLimit() throws Exception {
        BinderyServer server = start();
        Path big = withBlob(hello("one"), 16 * 1024 * 1024);
        var body = JSON.createObjectNode();
        body.put("config", ENTRY);
        body.put("jar", Base64.getEncoder().encodeToString(Files.readAllBytes(big)));

        var created = post(server, "/api/workers/hello/versions", body.toString(), "alice");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("size").asLong())
                .isEqualTo(Files.size(big));
        assertThat(hello(server)).isEqualTo("hello one");
    }

    @Test
    void anUploadWithoutActivationIsStoredButDoesNotServe() throws Exception {
        BinderyServer server = start();

        var created = post(server, "/api/workers/hello/versions",
                upload("one", null).replace("\"activate\":true", "\"activate\":false"), "ci");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("active").asBoolean()).isFalse();
        assertThat(hello(server)).isEqualTo("hello config");
        var activated = post(server, "/api/workers/hello/versions/1/activate", "{}", "ci");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(hello(server)).isEqualTo("hello one");
    }

    @Test
    void anUploadWithoutActivationIsValidatedAndRefusedAllTheSame() throws Exception {
        BinderyServer server = start();

        var refused = post(server, "/api/workers/hello/versions", upload("one", null)
                .replace("\"activate\":true", "\"activate\":false")
                .replace(CLASS, "com.example.hello.Missing"), "ci");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("path"))
                .containsExactly("class");
        JsonNode versions = JSON.readTree(get(server, "/api/workers/hello/versions").body());
        assertThat(versions.path("versions").findValuesAsText("status"))
                .containsExactly("active", "refused");
        assertThat(hello(server)).isEqualTo("hello config");
    }

    @Test
    void aVersionThatDoesNotValidateIsRefusedAndTheOldOneKeepsServing() throws Exception {
        BinderyServer server = start();
        post(server, "/api/workers/hello/versions", upload("one", null), "alice");

        var missingClass = post(server, "/api/workers/hello/versions", upload("two", null)
                .replace(CLASS, "com.example.hello.Missing"), "bob");
        var unbound = post(server, "/api/workers/hello/versions", upload("three", null)
                .replace("\\\"/hello\\\"]", "\\\"/hello\\\"]\\nbindings: { x: nobody }"),
                "bob");

        assertThat(missingClass.statusCode()).as(missingClass.body()).isEqualTo(422);
        assertThat(unbound.statusCode()).as(unbound.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(unbound.body());
        assertThat(body.path("message").asText()).isEqualTo("hello version 3 was refused "
                + "with 1 error; version 1 keeps serving");
        assertThat(body.path("errors").findValuesAsText("path")).containsExactly("bindings.x");
        assertThat(body.path("errors").findValuesAsText("fix")).allMatch(fix -> !fix.isBlank());
        assertThat(JSON.readTree(missingClass.body()).path("errors").findValuesAsText("path"))
                .containsExactly("class");
        assertThat(hello(server)).isEqualTo("hello one");
        JsonNode history = JSON.readTree(get(server, "/api/deploys").body()).path("deploys");
        assertThat(history.get(0).path("action").asText()).isEqualTo("refused");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("bob");
        assertThat(history.get(0).path("detail").asText()).contains("bindings.x");
        JsonNode versions = JSON.readTree(get(server, "/api/workers/hello/versions").body());
        assertThat(versions.path("versions").findValuesAsText("status"))
                .containsExactly("inactive", "active", "refused", "refused");
    }

    @Test
    void rollbackReturnsToThePreviousVersionAndASecondOneComesBack() throws Exception {
        BinderyServer server = start();
        post(server, "/api/workers/hello/versions", upload("one", null), "alice");
        post(server, "/api/workers/hello/versions", upload("two", null), "alice");

        var back = post(server, "/api/workers/hello/rollback", "{}", "carol");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(JSON.readTree(back.body()).path("version").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(back.body()).path("previous").asInt()).isEqualTo(2);
        assertThat(hello(server)).isEqualTo("hello one");

        post(server, "/api/workers/hello/rollback", "{}", "carol");
        assertThat(hello(server)).isEqualTo("hello two");
        assertThat(JSON.readTree(get(server, "/api/deploys?limit=2").body()).path("deploys")
                .findValuesAsText("action")).containsExactly("rollback", "rollback");
    }

    @Test
    void aWorkerThatNeverChangedHasNothingToRollBackTo() throws Exception {
        BinderyServer server = start();

        var rollback = post(server, "/api/workers/hello/rollback", "{}", "carol");

        assertThat(rollback.statusCode()).isEqualTo(409);
        assertThat(rollback.body()).contains("hello has no earlier version to roll back to");
    }

    @Test
    void badRequestsAreAnsweredWithWhatToFix() throws Exception {
        BinderyServer server = start();

        assertThat(post(server, "/api/workers/hello/versions", "not json", "a").statusCode())
                .isEqualTo(400);
        var noJar = post(server, "/api/workers/hello/versions", "{\"config\":\"x: 1\"}", "a");
        assertThat(noJar.statusCode()).isEqualTo(422);
        assertThat(noJar.body()).contains("'jar' is missing");
        var noConfig = post(server, "/api/workers/hello/versions", "{\"jar\":\"AAE=\"}", "a");
        assertThat(noConfig.body()).contains("'config' is missing");
        var longConfig = post(server, "/api/workers/hello/versions", "{\"config\":\""
                + "x".repeat(100_001) + "\",\"jar\":\"AAE=\"}", "a");
        assertThat(longConfig.statusCode()).isEqualTo(422);
        assertThat(longConfig.body()).contains("more than the 100000 an entry may have");
        assertThat(post(server, "/api/workers/hello/versions/9/activate", "{}", "a")
                .statusCode()).isEqualTo(404);
        assertThat(get(server, "/api/workers/nobody/versions").statusCode()).isEqualTo(404);
        assertThat(post(server, "/api/workers/hello/rollback", "{}", "a\nb").statusCode())
                .isEqualTo(400);
        assertThat(get(server, "/api/deploys?limit=0").statusCode()).isEqualTo(400);
        var unauthorized = client.send(HttpRequest.newBuilder(URI.create(server.adminUrl()
                + "/api/workers")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(get(server, "/api/deploys").body()).path("deploys"))
                .isEmpty();
    }

    @Test
    void aNewServerAppliesTheActiveVersionsRecordedInTheDatabase() throws Exception {
        BinderyServer first = start();
        post(first, "/api/workers/hello/versions", upload("one", "abc"), "alice");
        post(first, "/api/workers/hello/versions", upload("two", null), "bob");
        post(first, "/api/workers/hello/versions/1/activate", "{}", "carol");
        first.stop();
        deleteFolder(dir.resolve("data/deploys"));

        try (var log = LogCapture.of(DeployService.class.getName())) {
            BinderyServer second = start();

            assertThat(hello(second)).isEqualTo("hello one");
            assertThat(log.at(Level.INFO)).extracting(r -> r.getMessage()).anyMatch(m -> m
                    .startsWith("Deploy: restored hello version 1 (activated by carol at "));
        }
    }

    @Test
    void aRecordedVersionThatNoLongerValidatesLeavesTheConfiguredEntryServing()
            throws Exception {
        BinderyServer first = start("  - { name: auth, class: %s, jar: %s }\n"
                .formatted(CLASS, hello("auth")));
        post(first, "/api/workers/hello/versions", upload("one", null)
                .replace("\\\"/hello\\\"]", "\\\"/hello\\\"]\\nbindings: { auth: auth }"), "a");
        assertThat(hello(first)).isEqualTo("hello one");
        first.stop();

        try (var log = LogCapture.of(DeployService.class.getName())) {
            BinderyServer second = start();

            assertThat(hello(second)).isEqualTo("hello config");
            assertThat(log.at(Level.SEVERE)).singleElement().satisfies(r -> assertThat(
                    r.getMessage()).contains("hello version 1 (activated by a at ",
                    "does not validate on this node, so version 0 keeps serving",
                    "bindings.auth"));
        }
    }

    @Test
    void aNodeAppliesWhatAnotherNodeOnTheSameDatabaseActivated() throws Exception {
        BinderyServer first = start();
        BinderyServer second = start();
        post(first, "/api/workers/hello/versions", upload("one", null), "alice");

        assertThat(hello(second)).isEqualTo("hello config");
        assertThat(services.get(1).sync()).isEqualTo(1);
        assertThat(hello(second)).isEqualTo("hello one");
        assertThat(services.get(1).sync()).isZero();

        post(second, "/api/workers/hello/rollback", "{}", "bob");
        assertThat(services.get(0).sync()).isEqualTo(1);
        assertThat(hello(first)).isEqualTo("hello config");
    }

    private BinderyServer start() throws IOException {
        return start("");
    }

    private BinderyServer start(String moreWorkers) throws IOException {
        Path config = Files.writeString(dir.resolve("bindery.yaml"), """
                workers:
                  - { name: hello, class: %s, jar: %s, routes: ["/hello"] }
                %s""".formatted(CLASS, hello("config"), moreWorkers));
        var loader = WorkerLoader.create();
        open.add(loader);
        var runtime = WorkerRuntime.create(ConfigLoader.create(loader, TestServer::freePorts,
                System::getProperty).load(config), loader);
        var settings = LedgerSettings.of(null, null, null, dir.resolve("data"), "node-1");
        var service = DeployService.create(runtime, DeployStore.open(settings,
                Clock.systemUTC()), JarCache.in(dir.resolve("data/deploys")));
        service.restore();
        services.add(service);
        BinderyServer server = BinderyServer.start(runtime, TOKEN, () -> null, null, service);
        open.add(server);
        return server;
    }

    private String upload(String word, String label) throws IOException {
        var body = JSON.createObjectNode();
        body.put("config", ENTRY);
        body.put("jar", Base64.getEncoder().encodeToString(Files.readAllBytes(hello(word))));
        body.put("label", label);
        body.put("activate", true);
        return body.toString();
    }

    private Path hello(String word) {
        Path jar = dir.resolve("jars/" + word + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        return WorkerJars.build(dir.resolve("build-" + word), jar, Map.of(CLASS, """
                package com.example.hello;

                import io.bindery.worker.*;

                public class Hello implements Worker {
                    @Override
                    public Response fetch(Request request, Env env, ExecutionContext ctx) {
                        return Response.text(200, "hello %s");
                    }
                }
                """.formatted(word)));
    }

    /** Copies a jar and adds an entry of random bytes, which do not compress. */
    private Path withBlob(Path jar, int size) throws IOException {
        Path copy = dir.resolve("big.jar");
        byte[] blob = new byte[size];
        new Random(7).nextBytes(blob);
        try (var in = new JarFile(jar.toFile());
                var out = new JarOutputStream(Files.newOutputStream(copy))) {
            for (var entry : Collections.list(in.entries())) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("blob.bin"));
            out.write(blob);
            out.closeEntry();
        }
        return copy;
    }

    private String hello(BinderyServer server) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(server.publicUrl()
                + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(BinderyServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(BinderyServer server, String path, String body,
            String actor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!actor.contains("\n")) {
            request.header(AdminHandler.ACTOR_HEADER, actor);
        } else {
            request.header(AdminHandler.ACTOR_HEADER, actor.replace('\n', '!'));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
