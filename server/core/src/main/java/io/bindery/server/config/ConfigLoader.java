package io.bindery.server.config;

import io.bindery.server.runtime.WorkerLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a Bindery configuration file and validates it as a whole.
 *
 * <p>Every error is collected before anything fails: unknown keys (with the closest known
 * key), missing fields, bad ports and durations, placeholders and secrets whose variables are
 * not set, jars that do not exist, classes that are missing or not workers, bindings to
 * workers that are not configured and routes claimed twice. Then one {@link ConfigException}
 * lists them all, each with file, line, field path and fix.
 *
 * <p>{@code ${NAME}} in a value is replaced by the system property {@code NAME}, else the
 * environment variable. Thread-safe if its lookups are.
 */
public final class ConfigLoader {

    private final WorkerLoader workerLoader;
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> properties;

    private ConfigLoader(WorkerLoader workerLoader, UnaryOperator<String> environment,
            UnaryOperator<String> properties) {
        this.workerLoader = workerLoader;
        this.environment = environment;
        this.properties = properties;
    }

    /**
     * Creates a loader that reads the process's environment and system properties.
     *
     * @param workerLoader checks and later loads the worker classes
     * @return the loader
     */
    public static ConfigLoader create(WorkerLoader workerLoader) {
        return create(workerLoader, System::getenv, System::getProperty);
    }

    /**
     * Creates a loader with the given lookups, for tests.
     *
     * @param workerLoader checks the worker classes
     * @param environment environment variable name to value, or {@code null}
     * @param properties system property name to value, or {@code null}
     * @return the loader
     */
    public static ConfigLoader create(WorkerLoader workerLoader,
            UnaryOperator<String> environment, UnaryOperator<String> properties) {
        return new ConfigLoader(workerLoader, environment, properties);
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the YAML file
     * @return the configuration
     * @throws ConfigException listing every error
     */
    public BinderyConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException(file.toString(), List.of(new ConfigError(file.toString(),
                    0, 0, "", "the configuration file " + absolute + " does not exist",
                    "pass the path of an existing YAML file to --config")));
        }
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            return load(file.toString(), reader, absolute.getParent());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError(file.toString(),
                    0, 0, "", "the file could not be read: " + e, "make it readable")));
        }
    }

    /**
     * Reads and validates a configuration from the class path.
     *
     * @param resource the resource name, such as {@code io/bindery/server/demo.yaml}
     * @param baseDir the folder relative jar paths start from
     * @return the configuration
     * @throws ConfigException listing every error
     */
    public BinderyConfig loadResource(String resource, Path baseDir) {
        InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The resource " + resource + " is not on the class "
                    + "path; rebuild the server jar.");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load("classpath:" + resource, reader, baseDir);
        } catch (IOException e) {
            throw new IllegalStateException("The resource " + resource + " cannot be read.", e);
        }
    }

    /**
     * Reads and validates configuration text.
     *
     * @param source the name used in error messages
     * @param yaml the YAML text
     * @param baseDir the folder relative jar paths start from
     * @return the configuration
     * @throws ConfigException listing every error
     */
    public BinderyConfig load(String source, String yaml, Path baseDir) {
        return load(source, new StringReader(yaml), baseDir);
    }

    /**
     * Reads and validates the entry of one deployed worker version: the fields of a
     * {@code workers:} entry without {@code name} and {@code jar}. Its class is not loaded
     * here; the runtime loads it from the version's jar.
     *
     * @param source the name used in error messages, such as {@code billing version 3}
     * @param yaml the entry's YAML text
     * @param name the worker's name
     * @param jar the version's jar, or {@code null} for the server's class path
     * @param workers the names of the workers the entry's bindings may name
     * @return the entry
     * @throws ConfigException listing every error
     */
    public WorkerSpec loadVersion(String source, String yaml, String name, Path jar,
            Set<String> workers) {
        var problems = new Problems(source);
        YamlNode root = new YamlReader(problems).read(new StringReader(yaml));
        problems.throwIfAny();
        var fields = new Fields(problems, this::lookup);
        var binder = new WorkersBinder(fields, Path.of("."), environment, null);
        var spec = binder.version(root, name, jar, workers);
        problems.throwIfAny();
        return spec.orElseThrow();
    }

    private BinderyConfig load(String source, Reader yaml, Path baseDir) {
        var problems = new Problems(source);
        YamlNode root = new YamlReader(problems).read(yaml);
        problems.throwIfAny();
        var fields = new Fields(problems, this::lookup);
        var workers = new WorkersBinder(fields, baseDir, environment, workerLoader);
        BinderyConfig config = new ConfigBinder(fields, environment, workers).bind(root);
        problems.throwIfAny();
        return config;
    }

    private String lookup(String name) {
        String value = properties.apply(name);
        return value != null ? value : environment.apply(name);
    }
}
