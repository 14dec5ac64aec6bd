package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs two jar workers that bundle two versions of one library in one server, each seeing
 * its own; and shows that a jar worker sees the worker API but not the server's libraries.
 */
class LibraryIsolationTest {

    private static final String LIBRARY = "com.example.lib.Greeting";
    private static final String WORKER = "com.example.app.LibraryUser";
    private static final String WORKER_SOURCE = """
            package com.example.app;

            import com.example.lib.Greeting;
            import io.bindery.worker.*;

            public class LibraryUser implements Worker {
                @Override
                public Response fetch(Request request, Env env, ExecutionContext ctx) {
                    return Response.text(200, Greeting.text() + "; jackson "
                            + visible("com.fasterxml.jackson.databind.ObjectMapper")
                            + "; helidon " + visible("io.helidon.webserver.WebServer"));
                }

                private static String visible(String name) {
                    try {
                        Class.forName(name);
                        return "visible";
                    } catch (ClassNotFoundException e) {
                        return "hidden";
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void twoWorkersUseTwoVersionsOfOneLibrary() throws Exception {
        Path old = workerWithLibrary("1.0");
        Path recent = workerWithLibrary("2.0");

        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: old, class: %s, jar: %s, routes: ["/old"] }
                  - { name: recent, class: %s, jar: %s, routes: ["/recent"] }
                """.formatted(WORKER, old, WORKER, recent))) {
            assertThat(server.get("/old").body())
                    .isEqualTo("library 1.0; jackson hidden; helidon hidden");
            assertThat(server.get("/recent").body())
                    .isEqualTo("library 2.0; jackson hidden; helidon hidden");
        }
    }

    private Path workerWithLibrary(String version) {
        Path library = WorkerJars.build(dir.resolve("lib-build-" + version),
                dir.resolve("greeting-" + version + ".jar"), Map.of(LIBRARY, """
                        package com.example.lib;

                        public final class Greeting {
                            public static String text() {
                                return "library %s";
                            }
                        }
                        """.formatted(version)));
        return WorkerJars.build(dir.resolve("build-" + version),
                dir.resolve("user-" + version + ".jar"), Map.of(WORKER, WORKER_SOURCE), library);
    }
}
