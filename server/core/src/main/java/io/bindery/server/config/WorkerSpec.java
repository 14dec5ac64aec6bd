package io.bindery.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Holds one entry of the {@code workers:} list.
 *
 * @param name the worker's unique name
 * @param className the class that implements {@code Worker} or {@code WorkerFactory}
 * @param jar the worker author's jar, resolved against the configuration file's folder;
 *     {@code null} when the class is on the server's class path
 * @param account the account the worker is billed to; default {@code default}
 * @param routes the route patterns this worker answers as entry worker; may be empty
 * @param bindings binding name to target worker name
 * @param vars variable name to value
 * @param secrets secret name to the name of the environment variable holding it
 * @param kv namespace binding name to namespace id
 * @param limits the worker's own {@code limits:} block; {@link WorkerLimits#NONE} when absent
 * @param origin where the entry starts in the file, for later error messages; the entry of an
 *     uploaded version has the path {@code ""} and the source {@code <name> version <n>}
 */
public record WorkerSpec(String name, String className, Path jar, String account,
        List<String> routes, Map<String, String> bindings, Map<String, String> vars,
        Map<String, String> secrets, Map<String, String> kv, WorkerLimits limits,
        Origin origin) {

    /** The account of a worker whose configuration names none. */
    public static final String DEFAULT_ACCOUNT = "default";

    /** Copies the collections so the record stays immutable. */
    public WorkerSpec {
        routes = List.copyOf(routes);
        bindings = Map.copyOf(bindings);
        vars = Map.copyOf(vars);
        secrets = Map.copyOf(secrets);
        kv = Map.copyOf(kv);
        limits = limits == null ? WorkerLimits.NONE : limits;
    }

    /**
     * Points at a worker entry in its configuration file.
     *
     * @param source the file or resource
     * @param path the entry's path, such as {@code workers[2]}
     * @param line the entry's line
     * @param column the entry's column
     */
    public record Origin(String source, String path, int line, int column) {

        /**
         * Returns an error about a field of this entry.
         *
         * @param field the field, such as {@code class}
         * @param problem what is wrong
         * @param fix how to fix it
         * @return the error
         */
        public ConfigError error(String field, String problem, String fix) {
            String prefix = path.isEmpty() ? "" : path + ".";
            return new ConfigError(source, line, column, prefix + field, problem, fix);
        }
    }
}
