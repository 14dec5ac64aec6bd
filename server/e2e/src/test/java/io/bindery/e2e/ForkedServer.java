package io.bindery.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts {@code io.bindery.server.Main} in a forked JVM, with or without the agent, and stops
 * it with SIGTERM.
 *
 * <p>The forked class path is this JVM's class path (test classes included, so test workers
 * can be named in configurations) without the agent jar, which goes to {@code -javaagent}
 * instead. The agent jar comes from the system property {@value #AGENT_JAR_PROPERTY}. Output
 * (stdout and stderr) goes to {@code server.log} in the server's own directory under
 * {@value #DIR_PROPERTY}; the public and admin URLs and the admin token are parsed from it.
 * Spans go to {@code spans.jsonl} there through the {@code bindery-jsonl} exporter.
 *
 * <p>Not thread-safe; one test drives one server.
 */
public final class ForkedServer implements AutoCloseable {

    /** The system property that names the agent jar. */
    public static final String AGENT_JAR_PROPERTY = "bindery.agent.jar";
    /** The system property that names the directory for server files. */
    public static final String DIR_PROPERTY = "bindery.e2e.dir";

    private static final Pattern PUBLIC = Pattern.compile(
            "Bindery public listener on (http://\\S+)");
    private static final Pattern ADMIN = Pattern.compile(
            "Bindery admin listener on (http://\\S+) \\(token: ([^)\\s]+)\\)");

    private final Process process;
    private final Path dir;
    private final Path log;
    private final URI publicUrl;
    private final URI adminUrl;
    private final String adminToken;

    private ForkedServer(Process process, Path dir, Path log, Matcher pub, Matcher admin) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.publicUrl = URI.create(pub.group(1));
        this.adminUrl = URI.create(admin.group(1));
        this.adminToken = admin.group(2);
    }

    /**
     * Starts describing a server.
     *
     * @param name the server's directory name under {@value #DIR_PROPERTY}; reused names are
     *     emptied first
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the public listener's base URL, such as {@code http://127.0.0.1:41234} */
    public URI publicUrl() {
        return publicUrl;
    }

    /**
     * Resolves a path against the public listener.
     *
     * @param path such as {@code /getuser}
     * @return the absolute URI
     */
    public URI uri(String path) {
        return publicUrl.resolve(path);
    }

    /** @return the admin listener's base URL */
    public URI adminUrl() {
        return adminUrl;
    }

    /** @return the admin token printed at start */
    public String adminToken() {
        return adminToken;
    }

    /** @return the server's directory */
    public Path dir() {
        return dir;
    }

    /** @return the spans the server exported so far, read from its JSONL file */
    public SpanLog spans() {
        return new SpanLog(dir.resolve("spans.jsonl"));
    }

    /** @return everything the server printed so far */
    public String output() {
        return read(log);
    }

    /** @return the server's process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the server with SIGTERM and waits for it; kills it after 30 seconds.
     *
     * @return the exit code
     */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Returns the agent jar this test run was given.
     *
     * @return the jar's path
     * @throws IllegalStateException when the property is missing or the file does not exist
     */
    public static Path agentJar() {
        String property = System.getProperty(AGENT_JAR_PROPERTY, "").trim();
        if (property.isEmpty() || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("The agent jar '" + property + "' (system property "
                    + AGENT_JAR_PROPERTY + ") does not exist; build it first with "
                    + "'mvn -pl agent/bootstrap,agent/javaagent install'.");
        }
        return Path.of(property).toAbsolutePath().normalize();
    }

    /**
     * Returns the class path for forked JVMs: this JVM's, without the agent jar.
     *
     * @return the class path entries joined by the path separator
     */
    public static String forkedClassPath() {
        String classPath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !isAgent(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isAgent(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        return name.startsWith("bindery-agent") || entry.toString().replace('\\', '/')
                .endsWith("agent/javaagent/target/classes");
    }

    /** Makes sure a forked process does not outlive the test JVM that started it. */
    static void stopWithThisJvm(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, "stop-forked-" + process.pid()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Describes a server to start; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmArguments = new ArrayList<>();
        private String config;
        private boolean agent = true;
        private boolean spans = true;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the YAML configuration; ports should be 0.
         *
         * @param yaml the configuration text
         * @return this builder
         */
        public Builder config(String yaml) {
            this.config = yaml;
            return this;
        }

        /**
         * Attaches the agent or not; attached by default.
         *
         * @param attached whether to pass {@code -javaagent}
         * @return this builder
         */
        public Builder agent(boolean attached) {
            this.agent = attached;
            return this;
        }

        /**
         * Exports spans to {@code spans.jsonl} or not; on by default.
         *
         * @param export whether to configure the {@code bindery-jsonl} exporter
         * @return this builder
         */
        public Builder jsonlSpans(boolean export) {
            this.spans = export;
            return this;
        }

        /**
         * Adds a system property for the forked JVM.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Adds an environment variable for the forked JVM.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /**
         * Adds a JVM option, such as {@code -Xmx256m}.
         *
         * @param argument the option
         * @return this builder
         */
        public Builder jvmArgument(String argument) {
            jvmArguments.add(argument);
            return this;
        }

        /**
         * Sets how long the server may take to print its listener lines; 60 s by default.
         *
         * @param timeout the time
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Starts the server and waits for its listener lines.
         *
         * @return the running server
         * @throws AssertionError with the captured output when it fails or times out
         */
        public ForkedServer start() {
            Path dir = prepareDir();
            Path log = dir.resolve("server.log");
            Process process;
            try {
                Path configFile = dir.resolve("bindery.yaml");
                Files.writeString(configFile, config == null ? "workers: []\n" : config);
                var builder = new ProcessBuilder(command(dir, configFile))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                process = builder.start();
                stopWithThisJvm(process);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the forked server in " + dir, e);
            }
            return awaitListeners(process, dir, log);
        }

        private List<String> command(Path dir, Path configFile) {
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArguments);
            if (agent) {
                command.add("-javaagent:" + agentJar());
            }
            if (spans) {
                environment.putIfAbsent("OTEL_TRACES_EXPORTER", "bindery-jsonl");
                properties.putIfAbsent("bindery.jsonl.file", dir.resolve("spans.jsonl")
                        .toString());
                properties.putIfAbsent("otel.bsp.schedule.delay", "50");
            }
            properties.putIfAbsent("otel.metrics.exporter", "none");
            properties.putIfAbsent("otel.logs.exporter", "none");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-cp", forkedClassPath(), "io.bindery.server.Main",
                    "--config", configFile.toString()));
            return command;
        }

        private Path prepareDir() {
            String base = System.getProperty(DIR_PROPERTY, "target/e2e").trim();
            Path dir = Path.of(base, name).toAbsolutePath();
            try {
                if (Files.exists(dir)) {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder())
                                .filter(path -> !path.equals(dir))
                                .forEach(path -> path.toFile().delete());
                    }
                }
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }

        private ForkedServer awaitListeners(Process process, Path dir, Path log) {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                String output = read(log);
                Matcher pub = PUBLIC.matcher(output);
                Matcher admin = ADMIN.matcher(output);
                if (pub.find() && admin.find()) {
                    return new ForkedServer(process, dir, log, pub, admin);
                }
                if (!process.isAlive()) {
                    throw new AssertionError("The forked server '" + name + "' exited with "
                            + process.exitValue() + " before it listened. Output:\n" + output);
                }
                waitForOutput(process);
            }
            process.destroyForcibly();
            throw new AssertionError("The forked server '" + name + "' did not print its "
                    + "listener lines within " + startTimeout + ". Output:\n" + read(log));
        }

        /** Waits a little for more output: the process exiting ends the wait at once. */
        private static void waitForOutput(Process process) {
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the server", e);
            }
        }
    }
}
