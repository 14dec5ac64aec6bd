package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.worker.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a caller jar and a callee jar at test time, each with its own copy of the same
 * interface and record, so that a typed call crosses two class loaders.
 */
class RpcCopyTest {

    private static final String SHAPES = """
            package com.example.rpc;

            public interface Shapes {
                Point move(Point point, int by);
            }
            """;
    private static final String POINT = """
            package com.example.rpc;

            public record Point(int x, int y, java.util.List<String> tags) {
            }
            """;
    private static final String CALLEE = """
            package com.example.rpc;

            import io.bindery.worker.*;

            public class Mover implements Worker, Shapes {
                public Response fetch(Request request, Env env, ExecutionContext ctx) {
                    return Response.status(204);
                }

                public Point move(Point point, int by) {
                    String loader = point.getClass().getClassLoader().getName();
                    return new Point(point.x() + by, point.y() + by, java.util.List.of(loader));
                }
            }
            """;
    private static final String CALLER = """
            package com.example.rpc;

            import io.bindery.worker.*;

            public class Asker implements Worker {
                public Response fetch(Request request, Env env, ExecutionContext ctx) {
                    Point moved = env.service("shapes", Shapes.class)
                            .move(new Point(1, 2, java.util.List.of("a")), 10);
                    return Response.text(200, moved + " in "
                            + moved.getClass().getClassLoader().getName());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void recordOfAnotherClassLoaderIsCopiedIntoTheCalleesTypeAndBack() throws Exception {
        jar("caller", Map.of("Shapes", SHAPES, "Point", POINT, "Asker", CALLER));
        jar("callee", Map.of("Shapes", SHAPES, "Point", POINT, "Mover", CALLEE));

        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: asker, class: com.example.rpc.Asker, jar: caller.jar,
                      routes: [/move], bindings: { shapes: mover } }
                  - { name: mover, class: com.example.rpc.Mover, jar: callee.jar }
                """)) {
            HttpResponse<String> response = server.get("/move");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Point[x=11, y=12, "
                    + "tags=[worker-jar:callee.jar]] in worker-jar:caller.jar");
        }
    }

    private void jar(String name, Map<String, String> sources)
            throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve(name + "/src"));
        Path classes = Files.createDirectories(dir.resolve(name + "/classes"));
        var args = new ArrayList<String>(java.util.List.of("--release", "21", "-classpath",
                api(), "-d", classes.toString()));
        for (var source : sources.entrySet()) {
            args.add(Files.writeString(src.resolve(source.getKey() + ".java"),
                    source.getValue()).toString());
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                args.toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        try (var out = new JarOutputStream(Files.newOutputStream(dir.resolve(name + ".jar")));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()
                        .replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static String api() throws URISyntaxException {
        return Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
    }
}
