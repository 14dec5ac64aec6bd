package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import io.bindery.server.config.ConfigError;
import io.bindery.server.runtime.WorkerRuntime;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activates uploaded versions of a jar worker in a running server, refuses bad ones while the
 * old version keeps serving, and goes back to the configuration file's entry.
 */
class HotDeployTest {

    private static final String CLASS = "com.example.hello.Hello";
    private static final String ENTRY = "class: " + CLASS + "\nroutes: [/hello]\n";

    @TempDir
    Path dir;

    private TestServer server;
    private WorkerRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        Path v0 = hello("config", "");
        server = TestServer.start(dir, """
                workers:
                  - { name: hello, class: %s, jar: %s, routes: ["/hello"] }
                  - { name: other, class: io.bindery.server.testworkers.Echo, routes: ["/echo"] }
                """.formatted(CLASS, v0));
        runtime = server.server().runtime();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void activatedVersionAnswersAndConfiguredEntryComesBack() {
        WorkerVersion one = runtime.activate(new VersionSource("hello", 1, "abc123", ENTRY,
                hello("one", "")));

        assertThat(one.version()).isEqualTo(1);
        assertThat(one.label()).isEqualTo("abc123");
        assertThat(one.sha256()).hasSize(64);
        assertThat(server.get("/hello").body()).isEqualTo("hello one");
        assertThat(runtime.active()).extracting(WorkerVersion::worker, WorkerVersion::version)
                .containsExactly(tuple("hello", 1),
                        tuple("other", 0));

        WorkerVersion configured = runtime.activateConfigured("hello");

        assertThat(configured.version()).isZero();
        assertThat(configured.label()).isEqualTo(WorkerVersion.CONFIG_LABEL);
        assertThat(server.get("/hello").body()).isEqualTo("hello config");
        assertThat(runtime.retired()).extracting(RetiredVersion::version)
                .containsExactly(1, 0);
    }

    @Test
    void workerOnTheServersClassPathIsReplacedAndRestored() {
        runtime.activate(new VersionSource("other", 1, null,
                "class: " + CLASS + "\nroutes: [/echo]\n", hello("jar", "")));
        assertThat(server.get("/echo").body()).isEqualTo("hello jar");

        runtime.activateConfigured("other");

        assertThat(server.post("/echo", "ping").body()).contains("\"body\":\"ping\"");
        assertThat(runtime.retired()).extracting(RetiredVersion::worker,
                RetiredVersion::version, RetiredVersion::loaderClosed)
                .containsExactly(tuple("other", 1, true), tuple("other", 0, true));
    }

    @Test
    void uploadWithANewNameAddsAWorker() {
        runtime.activate(new VersionSource("greeter", 1, null,
                "class: " + CLASS + "\nroutes: [/greet]\n", hello("added", "")));

        assertThat(server.get("/greet").body()).isEqualTo("hello added");
        assertThat(server.get("/hello").body()).isEqualTo("hello config");
    }

    @Test
    void checkValidatesWithoutStartingOrSwitching() throws Exception {
        Path marker = dir.resolve("started");
        Path jar = hello("checked", "try { java.nio.file.Files.createFile(java.nio.file.Path"
                + ".of(\"" + marker.toString().replace("\\", "/") + "\")); } catch (java.io"
                + ".IOException e) { throw new java.io.UncheckedIOException(e); }");

        runtime.check(new VersionSource("hello", 1, null, ENTRY, jar));

        assertThat(marker).doesNotExist();
        assertThat(server.get("/hello").body()).isEqualTo("hello config");
        assertThat(runtime.active()).extracting(WorkerVersion::version).containsOnly(0);
        var refused = catchThrowableOfType(DeployRejectedException.class, () -> runtime.check(
                new VersionSource("hello", 2, null, "class: com.example.Missing\n", jar)));
        assertThat(refused.errors()).extracting(ConfigError::path).containsExactly("class");
        assertThat(server.get("/hello").body()).isEqualTo("hello config");

        runtime.activate(new VersionSource("hello", 3, null, ENTRY, jar));
        assertThat(marker).as("activation runs start(env)").exists();
        assertThat(server.get("/hello").body()).isEqualTo("hello checked");
    }

    @Test
    void jarThatIsNotAJarIsRefused() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");

        assertRefused(new VersionSource("hello", 1, null, ENTRY, broken), "jar",
                "cannot be read as a jar");
    }

    @Test
    void classThatIsMissingOrNotAWorkerIsRefused() {
        Path jar = hello("two", "");

        assertRefused(new VersionSource("hello", 1, null, "class: com.example.Missing\n", jar),
                "class", "com.example.Missing was not found in");
        assertRefused(new VersionSource("hello", 2, null, "class: java.lang.String\n", jar),
                "class", "implements neither");
    }

    @Test
    void bindingToAnUnknownWorkerIsRefused() {
        assertRefused(new VersionSource("hello", 1, null, ENTRY + "bindings: { B: nobody }\n",
                hello("two", "")), "bindings.B", "names the worker 'nobody'");
    }

    @Test
    void routeOfAnotherWorkerIsRefused() {
        assertRefused(new VersionSource("hello", 1, null, "class: " + CLASS
                + "\nroutes: [/hello, /echo]\n", hello("two", "")), "routes",
                "the route '/echo' is claimed by worker 'other'");
    }

    @Test
    void unknownFieldAndNameAreRefusedTogether() {
        var refused = refuse(new VersionSource("hello", 1, null,
                ENTRY + "name: hello\nrutes: [/x]\n", hello("two", "")));

        assertThat(refused.errors()).extracting(ConfigError::path)
                .containsExactlyInAnyOrder("name", "rutes");
        assertThat(refused.errors()).filteredOn(error -> error.path().equals("name"))
                .singleElement().extracting(ConfigError::problem, InstanceOfAssertFactories.STRING)
                .contains("the deploy sets the worker's name");
        assertThat(refused.errors()).allSatisfy(error ->
                assertThat(error.source()).isEqualTo("hello version 1"));
    }

    @Test
    void startThatThrowsIsRefused() {
        assertRefused(new VersionSource("hello", 1, null, ENTRY,
                hello("two", "throw new IllegalStateException(\"no database\");")),
                "class", "start(env) of " + CLASS + " threw java.lang.IllegalStateException: "
                        + "no database");
    }

    @Test
    void factoryThatThrowsIsRefused() {
        Path jar = WorkerJars.build(dir.resolve("build-factory"), dir.resolve("factory.jar"),
                Map.of("com.example.hello.Broken", """
                        package com.example.hello;

                        import io.bindery.worker.*;

                        public class Broken implements WorkerFactory {
                            @Override
                            public Worker create() {
                                throw new IllegalStateException("no config");
                            }
                        }
                        """));

        assertRefused(new VersionSource("hello", 1, null, "class: com.example.hello.Broken\n",
                jar), "class", "creating com.example.hello.Broken failed: "
                        + "java.lang.IllegalStateException: no config");
    }

    private void assertRefused(VersionSource source, String field, String problem) {
        var refused = refuse(source);

        assertThat(refused.errors()).anySatisfy(error -> {
            assertThat(error.path()).isEqualTo(field);
            assertThat(error.problem()).contains(problem);
            assertThat(error.fix()).isNotBlank();
        });
        assertThat(server.get("/hello").body()).isEqualTo("hello config");
        assertThat(runtime.active()).extracting(WorkerVersion::version).containsOnly(0);
        assertThat(runtime.retired()).isEmpty();
    }

    private DeployRejectedException refuse(VersionSource source) {
        var refused = catchThrowableOfType(DeployRejectedException.class,
                () -> runtime.activate(source));
        assertThat(refused).as("refusal of " + source).isNotNull();
        return refused;
    }

    private Path hello(String word, String start) {
        return WorkerJars.build(dir.resolve("build-" + word), dir.resolve(word + ".jar"),
                Map.of(CLASS, """
                        package com.example.hello;

                        import io.bindery.worker.*;

                        public class Hello implements Worker {
                            @Override
                            public void start(Env env) {
                                %s
                            }

                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                return Response.text(200, "hello %s");
                            }
                        }
                        """.formatted(start, word)));
    }
}
