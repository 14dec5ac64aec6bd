package io.bindery.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.worker.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Compiles the test worker {@value #CLASS} against the worker API alone and packs it as a
 * jar, one jar per version: each answers {@code GET /greet} with its own text. With
 * {@code ?mark=<file>&wait=<ms>} it first creates the file, then waits, so that a test knows
 * a request is running on an old version and can keep it there.
 */
final class WorkerJars {

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

    private WorkerJars() {
    }

    /**
     * Builds a greeter jar that answers a text.
     *
     * @param dir a folder of its own for the sources, classes and the jar
     * @param answer what {@code GET /greet} answers
     * @return the jar
     */
    static Path greeter(Path dir, String answer) {
        try {
            Path sources = Files.createDirectories(dir.resolve("src/e2e/deploy"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Path source = Files.writeString(sources.resolve("Greeter.java"),
                    SOURCE.formatted(answer));
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                    "--release", "21", "-classpath", workerApi(), "-d", classes.toString(),
                    source.toString());
            assertThat(status).as("javac exit status").isZero();
            return pack(classes, dir.resolve("greeter.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a jar without the worker class, which a deploy must refuse.
     *
     * @param dir a folder of its own
     * @return the jar
     */
    static Path empty(Path dir) {
        try {
            return pack(Files.createDirectories(dir.resolve("classes")), dir.resolve("empty.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path pack(Path classes, Path jar) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()
                        .replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String workerApi() {
        try {
            return Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
