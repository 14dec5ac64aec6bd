package io.bindery.server.runtime;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the entry worker of a path: an exact route wins over any prefix route, and a longer
 * prefix wins over a shorter one.
 *
 * <p>A route is either an exact path such as {@code /login}, or a prefix pattern ending in
 * {@code /*} such as {@code /api/*}, which matches {@code /api} and every path below it;
 * {@code /*} matches every path. Immutable and thread-safe.
 */
final class Routes {

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> prefixes;
    private final Map<String, String> all;

    Routes(Map<String, String> routeToWorker) {
        this.all = Map.copyOf(routeToWorker);
        var prefixList = new java.util.ArrayList<Map.Entry<String, String>>();
        routeToWorker.forEach((route, worker) -> {
            if (isPrefix(route)) {
                prefixList.add(Map.entry(route.substring(0, route.length() - 2), worker));
            } else {
                exact.put(route, worker);
            }
        });
        prefixList.sort(Comparator.comparingInt(
                (Map.Entry<String, String> entry) -> entry.getKey().length()).reversed());
        this.prefixes = List.copyOf(prefixList);
    }

    static boolean isPrefix(String route) {
        return route.endsWith("/*");
    }

    Optional<Match> match(String path) {
        String worker = exact.get(path);
        if (worker != null) {
            return Optional.of(new Match(path, worker));
        }
        for (var prefix : prefixes) {
            String base = prefix.getKey();
            if (base.isEmpty() || path.equals(base) || path.startsWith(base + "/")) {
                return Optional.of(new Match(base + "/*", prefix.getValue()));
            }
        }
        return Optional.empty();
    }

    /** @return every route pattern and its worker */
    Map<String, String> all() {
        return all;
    }

    /** A matched route pattern and the worker it leads to. */
    record Match(String route, String worker) {
    }
}
