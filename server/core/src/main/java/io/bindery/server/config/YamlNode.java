package io.bindery.server.config;

import java.util.List;
import java.util.Map;

/**
 * Holds one node of a parsed YAML document together with where it stands in the file: its
 * field path, such as {@code workers[2].bindings.auth}, and its line and column.
 */
sealed interface YamlNode {

    /** @return the field path, such as {@code server.port}; empty for the document's root */
    String path();

    /** @return the line, counted from 1 */
    int line();

    /** @return the column, counted from 1 */
    int column();

    /** @return what this node is, for error messages, such as {@code a list} */
    String describe();

    /** A mapping; keys keep the order of the file. */
    record Mapping(String path, int line, int column, Map<String, YamlNode> entries)
            implements YamlNode {

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(String path, int line, int column, List<YamlNode> items)
            implements YamlNode {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar value; {@code text} is {@code null} for an empty value or {@code ~}.
     */
    record Scalar(String path, int line, int column, String text) implements YamlNode {

        @Override
        public String describe() {
            return text == null ? "an empty value" : "the value '" + text + "'";
        }
    }
}
