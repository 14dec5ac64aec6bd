package io.bindery.server.config;

import io.bindery.server.config.YamlNode.Mapping;
import io.bindery.server.config.YamlNode.Scalar;
import io.bindery.server.config.YamlNode.Sequence;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of {@link YamlNode}s, substituting {@code ${NAME}} placeholders and
 * recording a problem, with its fix, for every field that is missing or of the wrong shape.
 *
 * <p>Each method returns empty (or a default) after recording a problem, so that reading goes
 * on and every error of the file is found in one pass. Not thread-safe.
 */
final class Fields {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

    private final Problems problems;
    private final UnaryOperator<String> lookup;

    /**
     * Creates a reader.
     *
     * @param problems where problems go
     * @param lookup resolves a placeholder name (system property, then environment variable)
     *     to its value, or {@code null}
     */
    Fields(Problems problems, UnaryOperator<String> lookup) {
        this.problems = problems;
        this.lookup = lookup;
    }

    Problems problems() {
        return problems;
    }

    /** Reports keys of a mapping that are not among the known ones, suggesting the closest. */
    void checkKeys(Mapping mapping, List<String> known) {
        mapping.entries().forEach((key, value) -> {
            if (!known.contains(key)) {
                problems.add(value.path(), value.line(), value.column(),
                        "unknown property '" + key + "'",
                        Suggestions.fix(key, known, "known keys here"));
            }
        });
    }

    /** Returns a section that must be a mapping; empty when absent or of another shape. */
    Optional<Mapping> mapping(Mapping parent, String key) {
        YamlNode node = parent.entries().get(key);
        if (node == null || node instanceof Scalar scalar && scalar.text() == null) {
            return Optional.empty();
        }
        if (node instanceof Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(node, "expected a mapping of 'key: value' lines, found " + node.describe(),
                "write '" + key + ":' followed by indented 'key: value' lines");
        return Optional.empty();
    }

    /** Returns a list; empty when absent (or of another shape, which is then reported). */
    Optional<Sequence> sequence(Mapping parent, String key) {
        YamlNode node = parent.entries().get(key);
        if (node == null || node instanceof Scalar scalar && scalar.text() == null) {
            return Optional.empty();
        }
        if (node instanceof Sequence sequence) {
            return Optional.of(sequence);
        }
        problems.add(node, "expected a list, found " + node.describe(),
                "write a list such as " + key + ": [\"/a\", \"/b\"]");
        return Optional.empty();
    }

    /** Returns an optional single value, placeholders substituted. */
    Optional<String> text(Mapping parent, String key) {
        YamlNode node = parent.entries().get(key);
        return node == null ? Optional.empty() : text(node, key);
    }

    /** Returns a value that must be present and not empty. */
    Optional<String> required(Mapping parent, String key, String example) {
        YamlNode node = parent.entries().get(key);
        if (node == null || node instanceof Scalar scalar
                && (scalar.text() == null || scalar.text().isBlank())) {
            int line = node == null ? parent.line() : node.line();
            int column = node == null ? parent.column() : node.column();
            problems.add(YamlReader.child(parent.path(), key), line, column,
                    "the required field '" + key + "' is missing",
                    "add '" + key + ": " + example + "'");
            return Optional.empty();
        }
        return text(node, key);
    }

    /** Returns a single value out of any node, placeholders substituted. */
    Optional<String> text(YamlNode node, String key) {
        if (!(node instanceof Scalar scalar)) {
            problems.add(node, "expected a single value, found " + node.describe(),
                    "write '" + key + ": <value>' on one line");
            return Optional.empty();
        }
        if (scalar.text() == null) {
            problems.add(node, "the field '" + key + "' has no value",
                    "write a value after the colon, or remove the line");
            return Optional.empty();
        }
        return substitute(scalar);
    }

    /** Returns a mapping of names to single values, such as {@code vars:}. */
    Map<String, String> textMap(Mapping parent, String key) {
        var values = new LinkedHashMap<String, String>();
        mapping(parent, key).ifPresent(map -> map.entries().forEach((name, node) ->
                text(node, name).ifPresent(value -> values.put(name, value))));
        return values;
    }

    /** Returns a mapping's nodes by name, for fields whose values need further checks. */
    Map<String, YamlNode> entries(Mapping parent, String key) {
        return mapping(parent, key).map(Mapping::entries).orElse(Map.of());
    }

    /** Returns a port, 0 to 65535. */
    Optional<Integer> port(Mapping parent, String key) {
        return text(parent, key).flatMap(text -> port(text, parent.entries().get(key)));
    }

    Optional<Integer> port(String text, YamlNode at) {
        Optional<Integer> port = integer(text).filter(value -> value >= 0 && value <= 65_535);
        if (port.isEmpty()) {
            problems.add(at, "'" + text + "' is not a valid port",
                    "use a whole number from 1 to 65535, or 0 for any free port");
        }
        return port;
    }

    /** Returns a positive whole number. */
    Optional<Integer> positive(Mapping parent, String key) {
        return text(parent, key).flatMap(text -> {
            Optional<Integer> value = integer(text).filter(number -> number > 0);
            if (value.isEmpty()) {
                problems.add(parent.entries().get(key), "'" + text + "' is not a positive "
                        + "whole number", "write a whole number greater than 0, such as 32");
            }
            return value;
        });
    }

    /** Returns a positive size in bytes, at most {@code max}. */
    Optional<Long> size(Mapping parent, String key, long max) {
        return text(parent, key).flatMap(text -> {
            Optional<Long> value = Sizes.parse(text)
                    .filter(bytes -> bytes > 0 && bytes <= max);
            if (value.isEmpty()) {
                problems.add(parent.entries().get(key), "'" + text + "' is not a valid size "
                        + "from 1 byte to " + max + " bytes", "write " + Sizes.FORMS);
            }
            return value;
        });
    }

    /** Returns a positive duration. */
    Optional<Duration> duration(Mapping parent, String key) {
        return text(parent, key).flatMap(text -> {
            Optional<Duration> value = Durations.parse(text)
                    .filter(duration -> duration.isPositive());
            if (value.isEmpty()) {
                problems.add(parent.entries().get(key), "'" + text + "' is not a valid "
                        + "duration", "write a positive duration as " + Durations.FORMS);
            }
            return value;
        });
    }

    private static Optional<Integer> integer(String text) {
        String trimmed = text.trim();
        if (!INTEGER.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(trimmed);
        return value == (int) value ? Optional.of((int) value) : Optional.empty();
    }

    private Optional<String> substitute(Scalar scalar) {
        Matcher matcher = PLACEHOLDER.matcher(scalar.text());
        var out = new StringBuilder();
        boolean resolved = true;
        while (matcher.find()) {
            String value = resolve(matcher.group(1), scalar);
            resolved &= value != null;
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return resolved ? Optional.of(out.toString()) : Optional.empty();
    }

    private String resolve(String name, Scalar at) {
        if (!VALID_NAME.matcher(name).matches()) {
            problems.add(at, "the placeholder '${" + name + "}' is not a valid name",
                    "write ${NAME} with letters, digits, '_' and '.' only");
            return null;
        }
        String value = lookup.apply(name);
        if (value == null) {
            problems.add(at, "the placeholder ${" + name + "} names neither a system property "
                    + "nor an environment variable that is set", "start the server with -D"
                    + name + "=... or export " + name + "=..., or write the value itself");
        }
        return value;
    }
}
