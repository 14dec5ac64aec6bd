package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import io.bindery.server.runtime.WorkerRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activates uploaded versions of a jar worker in a running server and goes back to 0. */
class HotDeployTest {

    private static final String CLASS = "com.example.hello.Hello";

    @TempDir
    Path dir;

    @Test
    void activatedVersionAnswersAndConfiguredEntryComesBack() throws Exception {
        Path v0 = hello("config");
        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: hello, class: %s, jar: %s, routes: ["/hello"] }
                """.formatted(CLASS, v0))) {
            WorkerRuntime runtime = server.server().runtime();
            assertThat(server.get("/hello").body()).isEqualTo("hello config");

            WorkerVersion one = runtime.activate(new VersionSource("hello", 1, "abc123",
                    "class: " + CLASS + "\nroutes: [/hello]\n", hello("one")));

            assertThat(one.version()).isEqualTo(1);
            assertThat(one.sha256()).hasSize(64);
            assertThat(server.get("/hello").body()).isEqualTo("hello one");
            assertThat(runtime.active()).extracting(WorkerVersion::version).containsExactly(1);

            runtime.activateConfigured("hello");

            assertThat(server.get("/hello").body()).isEqualTo("hello config");
            assertThat(runtime.retired()).extracting(RetiredVersion::version)
                    .containsExactly(1, 0);
        }
    }

    private Path hello(String word) {
        return WorkerJars.build(dir.resolve("build-" + word), dir.resolve(word + ".jar"),
                Map.of(CLASS, """
                        package com.example.hello;

                        import io.bindery.worker.*;

                        public class Hello implements Worker {
                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                return Response.text(200, "hello %s");
                            }
                        }
                        """.formatted(word)));
    }
}
