package io.bindery.server.config;

import java.util.List;

/**
 * Reports that a configuration is not valid; carries every error found, not only the first.
 *
 * <p>The message lists all errors, one per line, each with its file, line, field path and
 * fix. The server does not start when this is thrown.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The errors; a list of records, so it is serializable in practice. */
    private final transient List<ConfigError> errors;

    /**
     * Creates an exception for the given errors.
     *
     * @param source the configuration file or resource
     * @param errors the errors, at least one
     */
    public ConfigException(String source, List<ConfigError> errors) {
        super(message(source, errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /**
     * Returns every error found, in the order of the file.
     *
     * @return the errors
     */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(String source, List<ConfigError> errors) {
        var text = new StringBuilder("The configuration ").append(source).append(" has ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                .append("; the server did not start:");
        errors.forEach(error -> text.append(System.lineSeparator()).append("  - ")
                .append(error.render()));
        return text.toString();
    }
}
