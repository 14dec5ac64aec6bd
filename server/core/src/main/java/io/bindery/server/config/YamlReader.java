package io.bindery.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Parses YAML with Jackson's streaming parser into {@link YamlNode}s that remember their line,
 * column and field path, so that every later check can point at the exact spot in the file.
 *
 * <p>Reports a syntax error and keys that appear twice in one mapping; everything else is
 * checked by {@link ConfigBinder}.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    YamlReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * Parses a document.
     *
     * @return the root node, or {@code null} when the text is empty or not valid YAML (the
     *     problem is then recorded)
     */
    YamlNode read(Reader text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add("", 1, 1, "the file is empty",
                        "write at least a 'workers:' list; see the README for the schema");
                return null;
            }
            return node(parser, "");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add("", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "the file is not valid YAML: " + e.getOriginalMessage(),
                    "correct the YAML syntax (indentation, colons, quotes) at this spot");
            return null;
        } catch (IOException e) {
            problems.add("", 0, 0, "the file could not be read: " + e.getMessage(),
                    "check that the file exists and is readable");
            return null;
        }
    }

    private YamlNode node(JsonParser parser, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, path, line, column);
            case START_ARRAY -> sequence(parser, path, line, column);
            case VALUE_NULL -> new YamlNode.Scalar(path, line, column, null);
            default -> new YamlNode.Scalar(path, line, column, parser.getText());
        };
    }

    private YamlNode mapping(JsonParser parser, String path, int line, int column)
            throws IOException {
        var entries = new LinkedHashMap<String, YamlNode>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            YamlNode value = node(parser, child(path, key));
            if (entries.putIfAbsent(key, value) != null) {
                problems.add(child(path, key), keyAt.getLineNr(), keyAt.getColumnNr(),
                        "the key '" + key + "' appears twice in the same mapping",
                        "keep one of the two entries");
            }
        }
        return new YamlNode.Mapping(path, line, column, entries);
    }

    private YamlNode sequence(JsonParser parser, String path, int line, int column)
            throws IOException {
        var items = new ArrayList<YamlNode>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(path, line, column, items);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
