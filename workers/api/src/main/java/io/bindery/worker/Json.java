package io.bindery.worker;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes plain Java values as JSON text, so small workers need no JSON library.
 *
 * <p>Supported: {@link Map} (keys written with {@code String.valueOf}), {@link Iterable},
 * arrays of objects, {@link CharSequence}, {@link Number}, {@link Boolean} and {@code null}.
 * Parsing is left to a library of the worker's choice.
 */
public final class Json {

    private Json() {
    }

    /**
     * Renders a value as compact JSON.
     *
     * @param value the value
     * @return the JSON text
     * @throws IllegalArgumentException for a type outside the supported ones, naming it
     */
    public static String write(Object value) {
        var out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /**
     * Quotes and escapes a string as a JSON string literal.
     *
     * @param text the string
     * @return the literal, quotes included
     */
    public static String quote(CharSequence text) {
        var out = new StringBuilder(text.length() + 2);
        appendString(out, text);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case CharSequence text -> appendString(out, text);
            case Boolean bool -> out.append(bool);
            case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> out.append("null");
            case Number number -> out.append(number);
            case Map<?, ?> map -> appendMap(out, map);
            case Iterable<?> items -> appendItems(out, items.iterator());
            case Object[] items -> appendItems(out, java.util.Arrays.asList(items).iterator());
            default -> throw new IllegalArgumentException("Json.write cannot render a "
                    + value.getClass().getName() + "; convert it to a map, list, string, "
                    + "number or boolean first.");
        }
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (var entry : map.entrySet()) {
            out.append(first ? "" : ",");
            appendString(out, String.valueOf(entry.getKey()));
            out.append(':');
            append(out, entry.getValue());
            first = false;
        }
        out.append('}');
    }

    private static void appendItems(StringBuilder out, Iterator<?> items) {
        out.append('[');
        while (items.hasNext()) {
            append(out, items.next());
            out.append(items.hasNext() ? "," : "");
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !paired(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Tells whether the surrogate at {@code i} is half of a valid pair. A lone surrogate is
     * escaped, because UTF-8 cannot encode it and would silently turn it into '?'.
     */
    private static boolean paired(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
