package io.bindery.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors of one configuration while it is read, so that all of them are
 * reported together. Not thread-safe.
 */
final class Problems {

    private final String source;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(YamlNode at, String problem, String fix) {
        add(at.path(), at.line(), at.column(), problem, fix);
    }

    void add(String path, int line, int column, String problem, String fix) {
        errors.add(new ConfigError(source, line, column, path, problem, fix));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    String source() {
        return source;
    }

    /** Throws a {@link ConfigException} holding every error, sorted by line, if any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            var sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt((ConfigError e) -> e.line() == 0
                    ? Integer.MAX_VALUE : e.line()).thenComparingInt(ConfigError::column));
            throw new ConfigException(source, sorted);
        }
    }
}
