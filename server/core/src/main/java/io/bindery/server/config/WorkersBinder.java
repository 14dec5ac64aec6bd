package io.bindery.server.config;

import io.bindery.server.config.YamlNode.Mapping;
import io.bindery.server.config.YamlNode.Sequence;
import io.bindery.server.runtime.WorkerLoadException;
import io.bindery.server.runtime.WorkerLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code workers:} list: each entry's fields, its class and jar, and
 * what entries refer to across the list (binding targets, routes claimed twice).
 *
 * <p>Not thread-safe; one instance per file.
 */
final class WorkersBinder {

    private static final List<String> WORKER_KEYS = List.of("name", "class", "jar", "account",
            "routes", "bindings", "vars", "secrets", "kv", "limits");
    private static final List<String> VERSION_KEYS = List.of("class", "account", "routes",
            "bindings", "vars", "secrets", "kv", "limits");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern ROUTE = Pattern.compile("/\\*|/[^\\s?#*]*?(/\\*)?");

    private final Fields fields;
    private final Problems problems;
    private final Path baseDir;
    private final UnaryOperator<String> environment;
    private final WorkerLoader loader;
    private final Map<String, YamlNode> routeClaims = new HashMap<>();
    private final Map<String, String> routeOwners = new HashMap<>();

    /**
     * Creates a binder for one file or one uploaded entry.
     *
     * @param loader checks that each entry's class loads; {@code null} to leave that to the
     *     runtime, which loads an uploaded version's class from its own loader
     */
    WorkersBinder(Fields fields, Path baseDir, UnaryOperator<String> environment,
            WorkerLoader loader) {
        this.fields = fields;
        this.problems = fields.problems();
        this.baseDir = baseDir;
        this.environment = environment;
        this.loader = loader;
    }

    List<WorkerSpec> bind(Mapping root) {
        Optional<Sequence> list = fields.sequence(root, "workers");
        if (list.isEmpty()) {
            YamlNode node = root.entries().get("workers");
            boolean reported = node instanceof Mapping
                    || node instanceof YamlNode.Scalar scalar && scalar.text() != null;
            if (!reported) {
                problems.add("workers", root.line(), root.column(), "no workers are configured",
                        "add a 'workers:' list with at least one entry (name and class), or "
                        + "write 'workers: []' to start a server that answers 404 to all");
            }
            return List.of();
        }
        List<Mapping> entries = mappings(list.get());
        Set<String> names = names(entries);
        var specs = new ArrayList<WorkerSpec>();
        for (Mapping entry : entries) {
            worker(entry, names).ifPresent(specs::add);
        }
        return specs;
    }

    private List<Mapping> mappings(Sequence list) {
        var entries = new ArrayList<Mapping>();
        for (YamlNode item : list.items()) {
            if (item instanceof Mapping mapping) {
                entries.add(mapping);
            } else {
                problems.add(item, "expected a worker (a mapping with name, class, ...), found "
                        + item.describe(), "write each worker as '- name: ...' followed by its "
                        + "fields, indented");
            }
        }
        return entries;
    }

    private Set<String> names(List<Mapping> entries) {
        var names = new LinkedHashSet<String>();
        for (Mapping entry : entries) {
            YamlNode node = entry.entries().get("name");
            fields.required(entry, "name", "my-worker").ifPresent(name -> {
                if (!NAME.matcher(name).matches()) {
                    problems.add(node, "the worker name '" + name + "' has characters that are "
                            + "not allowed", "use letters, digits, '-', '_' and '.', starting "
                            + "with a letter or digit");
                } else if (!names.add(name)) {
                    problems.add(node, "the worker name '" + name + "' is used twice",
                            "give every worker its own name");
                }
            });
        }
        return names;
    }

    /**
     * Reads the entry of one deployed version: the fields of a {@code workers:} entry without
     * {@code name} and {@code jar}, which the deploy supplies; the class is not loaded here.
     */
    Optional<WorkerSpec> version(YamlNode root, String name, Path jar, Set<String> names) {
        if (!(root instanceof Mapping entry)) {
            problems.add(root, "the worker entry must be a mapping, but it is "
                    + root.describe(), "write the fields of a workers: entry (class, routes, "
                    + "bindings, ...) at the left margin, without name and jar");
            return Optional.empty();
        }
        var rest = new LinkedHashMap<>(entry.entries());
        for (String key : List.of("name", "jar")) {
            YamlNode node = rest.remove(key);
            if (node != null) {
                problems.add(node, "the deploy sets the worker's " + key + "; an uploaded "
                        + "entry has no '" + key + "'", "remove '" + key + ":' from the entry");
            }
        }
        fields.checkKeys(new Mapping(entry.path(), entry.line(), entry.column(), rest),
                VERSION_KEYS);
        return worker(entry, names, name, jar);
    }

    private Optional<WorkerSpec> worker(Mapping entry, Set<String> names) {
        fields.checkKeys(entry, WORKER_KEYS);
        return worker(entry, names, fields.text(entry, "name").orElse(null), jar(entry));
    }

    private Optional<WorkerSpec> worker(Mapping entry, Set<String> names, String name,
            Path jar) {
        String className = workerClass(entry, jar);
        String account = fields.text(entry, "account").filter(text -> !text.isBlank())
                .orElse(WorkerSpec.DEFAULT_ACCOUNT);
        List<String> routes = routes(entry, name);
        Map<String, String> bindings = bindings(entry, names);
        Map<String, String> vars = fields.textMap(entry, "vars");
        Map<String, String> secrets = secrets(entry);
        Map<String, String> kv = kv(entry);
        WorkerLimits limits = new LimitsBinder(fields).worker(entry);
        if (name == null || className == null) {
            return Optional.empty();
        }
        var origin = new WorkerSpec.Origin(problems.source(), entry.path(), entry.line(),
                entry.column());
        return Optional.of(new WorkerSpec(name, className, jar, account, routes, bindings,
                vars, secrets, kv, limits, origin));
    }

    private Path jar(Mapping entry) {
        Optional<String> text = fields.text(entry, "jar").filter(value -> !value.isBlank());
        if (text.isEmpty()) {
            return null;
        }
        Path jar = baseDir.resolve(text.get()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            problems.add(entry.entries().get("jar"), "the jar " + jar + " does not exist "
                    + "(relative paths start from " + baseDir.toAbsolutePath().normalize() + ")",
                    "build the jar, or correct the path; relative paths start from the "
                            + "configuration file's folder");
            return null;
        }
        return jar;
    }

    private String workerClass(Mapping entry, Path jar) {
        YamlNode node = entry.entries().get("class");
        Optional<String> name = fields.required(entry, "class", "com.example.MyWorker");
        if (name.isEmpty()) {
            return null;
        }
        if (!CLASS_NAME.matcher(name.get()).matches()) {
            problems.add(node, "'" + name.get() + "' is not a Java class name",
                    "write the fully qualified name, such as com.example.MyWorker");
            return null;
        }
        boolean jarMissing = entry.entries().containsKey("jar") && jar == null;
        if (!jarMissing && loader != null) {
            try {
                loader.load(name.get(), jar);
            } catch (WorkerLoadException e) {
                problems.add(node, e.problem(), e.fix());
            }
        }
        return name.get();
    }

    private List<String> routes(Mapping entry, String worker) {
        var routes = new ArrayList<String>();
        fields.sequence(entry, "routes").ifPresent(list -> list.items().forEach(item ->
                fields.text(item, "routes").ifPresent(route -> {
                    if (route(item, route, worker)) {
                        routes.add(route);
                    }
                })));
        return routes;
    }

    private boolean route(YamlNode node, String route, String worker) {
        if (!ROUTE.matcher(route).matches()) {
            problems.add(node, "the route '" + route + "' is not a valid pattern",
                    "write an exact path such as /login, or a prefix ending in /* such as "
                            + "/api/* (routes start with '/'; '*' only as the last segment)");
            return false;
        }
        YamlNode first = routeClaims.putIfAbsent(route, node);
        if (first != null) {
            problems.add(node, "the route '" + route + "' is claimed twice: worker '"
                    + routeOwners.get(route) + "' claims it at line " + first.line(),
                    "give each route to one worker only; remove one of the two");
            return false;
        }
        routeOwners.put(route, worker);
        return true;
    }

    private Map<String, String> bindings(Mapping entry, Set<String> names) {
        var bindings = new HashMap<String, String>();
        fields.entries(entry, "bindings").forEach((binding, node) ->
                fields.text(node, binding).ifPresent(target -> {
                    if (names.contains(target)) {
                        bindings.put(binding, target);
                    } else {
                        problems.add(node, "the binding '" + binding + "' names the worker '"
                                + target + "', which is not configured", Suggestions.fix(
                                        target, names, "configured workers"));
                    }
                }));
        return bindings;
    }

    private Map<String, String> secrets(Mapping entry) {
        var secrets = new HashMap<String, String>();
        fields.entries(entry, "secrets").forEach((secret, node) ->
                fields.text(node, secret).ifPresent(variable -> {
                    if (environment.apply(variable) == null) {
                        problems.add(node, "the secret '" + secret + "' is read from the "
                                + "environment variable " + variable + ", which is not set",
                                "export " + variable + "=... before starting the server, or "
                                        + "remove the secret");
                    } else {
                        secrets.put(secret, variable);
                    }
                }));
        return secrets;
    }

    private Map<String, String> kv(Mapping entry) {
        var kv = new HashMap<String, String>();
        fields.entries(entry, "kv").forEach((binding, node) ->
                fields.text(node, binding).ifPresent(namespace -> {
                    if (namespace.isBlank()) {
                        problems.add(node, "the namespace id of '" + binding + "' is empty",
                                "name a namespace id, such as " + binding.toLowerCase());
                    } else {
                        kv.put(binding, namespace);
                    }
                }));
        return kv;
    }
}
