package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a worker jar at test time, names it in a configuration and calls it over HTTP. */
class JarWorkerTest {

    private static final String CLASS = "com.example.outside.Greeter";

    private static final String SOURCE = """
            package com.example.outside;

            import io.bindery.worker.Env;
            import io.bindery.worker.ExecutionContext;
            import io.bindery.worker.Request;
            import io.bindery.worker.Response;
            import io.bindery.worker.Worker;
            
            public class Greeter implements Worker {
                @Override
                public Response fetch(Request request, Env env, ExecutionContext ctx) {
                    String greeting = env.variable("GREETING").orElse("?");
                    return Response.text(200, greeting + " from " + env.workerName()
                            + " in " + getClass().getClassLoader().getName());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void workerFromASeparatelyBuiltJarServesRequests() throws Exception {
        Path jar = buildJar(dir.resolve("build"), dir.resolve("workers/greeter.jar"));
        Path configDir = Files.createDirectories(dir.resolve("conf"));

        try (TestServer server = TestServer.start(configDir, """
                workers:
                  - name: greeter
                    class: %s
                    jar: ../workers/%s
                    routes: ["/hello"]
                    vars: { GREETING: Hello }
                """.formatted(CLASS, jar.getFileName()))) {
            HttpResponse<String> response = server.get("/hello");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello from greeter in worker-jar:greeter.jar");
        }
        assertThatThrownBy(() -> Class.forName(CLASS))
                .as("the class comes from the jar, not from the test's class path")
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void classMissingFromTheJarIsAConfigurationError() throws Exception {
        Path jar = buildJar(dir.resolve("build"), dir.resolve("greeter.jar"));

        assertThatThrownBy(() -> TestServer.start(dir, """
                workers:
                  - { name: g, class: com.example.outside.Greter, jar: %s }
                """.formatted(jar.getFileName())))
                .isInstanceOf(io.bindery.server.config.ConfigException.class)
                .hasMessageContaining("workers[0].class")
                .hasMessageContaining("com.example.outside.Greter was not found in " + jar);
    }

    private static Path buildJar(Path build, Path jar) {
        return WorkerJars.build(build, jar, Map.of(CLASS, SOURCE));
    }
}
