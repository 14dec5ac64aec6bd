package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.worker.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Builds jars at test time from Java sources, compiled against the worker API, the way a
 * worker author builds theirs; a jar may bundle the classes of other jars, as a shaded jar
 * bundles its libraries.
 */
public final class WorkerJars {

    private WorkerJars() {
    }

    /**
     * Compiles sources and packages them with the classes of the bundled jars.
     *
     * @param build a folder for sources and classes, used by this jar only
     * @param jar the jar to write
     * @param sources binary class name to source text
     * @param bundled jars that are on the compile class path and whose classes the jar holds
     * @return {@code jar}
     */
    public static Path build(Path build, Path jar, Map<String, String> sources,
            Path... bundled) {
        try {
            Path classes = Files.createDirectories(build.resolve("classes"));
            compile(build.resolve("src"), classes, sources, bundled);
            for (Path library : bundled) {
                unpack(library, classes);
            }
            return pack(classes, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(Path src, Path classes, Map<String, String> sources,
            Path[] bundled) throws IOException {
        var files = new ArrayList<String>();
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()).toString());
        }
        var classpath = new ArrayList<String>(List.of(workerApi()));
        for (Path library : bundled) {
            classpath.add(library.toString());
        }
        var args = new ArrayList<>(List.of("--release", "21", "-classpath",
                String.join(java.io.File.pathSeparator, classpath), "-d", classes.toString()));
        args.addAll(files);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                args.toArray(String[]::new));
        assertThat(status).as("javac exit status for " + sources.keySet()).isZero();
    }

    private static String workerApi() {
        try {
            return Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(Path library, Path classes) throws IOException {
        try (var jar = new JarFile(library.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    Path target = classes.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (var in = jar.getInputStream(entry)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static Path pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
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
}
