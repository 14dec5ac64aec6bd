package io.bindery.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Holds HTTP header fields: names compared without regard to case, each with one or more values.
 *
 * <p>Instances are immutable; {@link #toBuilder()} starts a modified copy. Names keep the
 * spelling they were first added with.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    /** Lower-cased name to the field: its first spelling and its values, in order. */
    private final Map<String, Field> fields;

    private Headers(Map<String, Field> fields) {
        this.fields = fields;
    }

    /**
     * Returns headers with no fields.
     *
     * @return empty headers
     */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Returns headers built from name and value pairs.
     *
     * @param namesAndValues alternating names and values
     * @return the headers
     * @throws IllegalArgumentException when the number of arguments is odd
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Headers.of takes name and value pairs, but got "
                    + namesAndValues.length + " arguments; pass an even number.");
        }
        var builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /**
     * Starts building headers.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * Returns the first value of a field.
     *
     * @param name the field name, in any case
     * @return its first value, or empty when the field is absent
     */
    public Optional<String> first(String name) {
        Field field = fields.get(key(name));
        return field == null ? Optional.empty() : Optional.of(field.values.getFirst());
    }

    /**
     * Returns all values of a field, in the order they were added.
     *
     * @param name the field name, in any case
     * @return its values; empty when the field is absent
     */
    public List<String> all(String name) {
        Field field = fields.get(key(name));
        return field == null ? List.of() : field.values;
    }

    /**
     * Tells whether a field is present.
     *
     * @param name the field name, in any case
     * @return {@code true} when it has at least one value
     */
    public boolean contains(String name) {
        return fields.containsKey(key(name));
    }

    /**
     * Returns the names of all fields, as first spelled.
     *
     * @return the names, in the order they were first added
     */
    public Set<String> names() {
        var names = new java.util.LinkedHashSet<String>();
        fields.values().forEach(field -> names.add(field.name));
        return Collections.unmodifiableSet(names);
    }

    /**
     * Passes every value of every field to an action, one call per value.
     *
     * @param action receives the field's name as first spelled and one value
     */
    public void forEach(BiConsumer<String, String> action) {
        fields.values().forEach(field -> field.values.forEach(v -> action.accept(field.name, v)));
    }

    /**
     * Returns the number of distinct field names.
     *
     * @return the number of fields
     */
    public int size() {
        return fields.size();
    }

    /**
     * Starts a builder holding a copy of these headers.
     *
     * @return a builder to modify the copy
     */
    public Builder toBuilder() {
        var copy = new LinkedHashMap<String, Field>();
        fields.forEach((key, field) -> copy.put(key, field.mutableCopy()));
        return new Builder(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers headers && fields.equals(headers.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        var text = new StringBuilder("Headers{");
        forEach((name, value) -> text.append(text.length() > 8 ? ", " : "")
                .append(name).append('=').append(value));
        return text.append('}').toString();
    }

    private static String key(String name) {
        return Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT);
    }

    /** One header field: the spelling it was first added with, and its values. */
    private record Field(String name, List<String> values) {

        Field mutableCopy() {
            return new Field(name, new ArrayList<>(values));
        }

        Field frozen() {
            return new Field(name, List.copyOf(values));
        }
    }

    /** Builds {@link Headers}; not thread-safe. */
    public static final class Builder {

        private final Map<String, Field> fields;

        private Builder(Map<String, Field> fields) {
            this.fields = fields;
        }

        /**
         * Adds a value to a field, keeping the values it already has.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            checkName(name);
            Objects.requireNonNull(value, () -> "value of header " + name);
            fields.computeIfAbsent(key(name), k -> new Field(name, new ArrayList<>()))
                    .values.add(value);
            return this;
        }

        /**
         * Sets a field to one value, replacing the values it had.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /**
         * Removes a field and all its values.
         *
         * @param name the field name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            fields.remove(key(name));
            return this;
        }

        /**
         * Builds the immutable headers.
         *
         * @return the headers
         */
        public Headers build() {
            if (fields.isEmpty()) {
                return EMPTY;
            }
            var frozen = new LinkedHashMap<String, Field>();
            fields.forEach((key, field) -> frozen.put(key, field.frozen()));
            return new Headers(Collections.unmodifiableMap(frozen));
        }

        private static void checkName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        "A header name must not be empty; got '" + name + "'.");
            }
        }
    }
}
