package io.bindery.e2e.deploy;

import io.bindery.server.WorkerJars;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds jars of the test worker {@value #CLASS} with the server tests' {@link WorkerJars},
 * compiled against the worker API alone, one jar per version: each answers {@code GET /greet}
 * with its own text. With {@code ?mark=<file>&wait=<ms>} it first creates the file, then
 * waits, so that a test knows a request is running on an old version and can keep it there.
 */
final class GreeterJars {

    /** The worker class every jar holds. */
    static final String CLASS = "e2e.deploy.Greeter";

    private static final String SOURCE = """
            package e2e.deploy;

            import io.bindery.worker.Env;
            import io.bindery.worker.ExecutionContext;
            import io.bindery.worker.Request;
            import io.bindery.worker.Response;
            import io.bindery.worker.Worker;

            public class Greeter implements Worker {
                @Override
                public Response fetch(Request request, Env env, ExecutionContext ctx)
                        throws Exception {
                    String query = request.url().getQuery();
                    for (String pair : query == null ? new String[0] : query.split("&")) {
                        String value = pair.substring(pair.indexOf('=') + 1);
                        if (pair.startsWith("mark=")) {
                            java.nio.file.Files.createFile(java.nio.file.Path.of(value));
                        } else if (pair.startsWith("wait=")) {
                            Thread.sleep(Long.parseLong(value));
                        }
                    }
                    return Response.text(200, "%s");
                }
            }
            """;

    private GreeterJars() {
    }

    /**
     * Builds a greeter jar that answers a text.
     *
     * @param dir a folder of its own for the sources, classes and the jar
     * @param answer what {@code GET /greet} answers
     * @return the jar
     */
    static Path greeter(Path dir, String answer) {
        return WorkerJars.build(dir, dir.resolve("greeter.jar"),
                Map.of(CLASS, SOURCE.formatted(answer)));
    }

    /**
     * Builds a jar that holds a class, but not the worker class, which a deploy must refuse.
     *
     * @param dir a folder of its own
     * @return the jar
     */
    static Path empty(Path dir) {
        return WorkerJars.build(dir, dir.resolve("empty.jar"), Map.of("e2e.deploy.NotAGreeter",
                "package e2e.deploy; public class NotAGreeter {}"));
    }
}
