package io.bindery.server.config;

/**
 * Describes one error in a configuration: where it is, what is wrong and how to fix it.
 *
 * @param source the configuration file (or resource) the error is in
 * @param line the line, counted from 1; 0 when the error has no line (such as an environment
 *     variable that overrides a field)
 * @param column the column, counted from 1; 0 when unknown
 * @param path the field's path, such as {@code workers[2].bindings.auth}; empty for the file
 *     as a whole
 * @param problem what is wrong, as a clause without a final period
 * @param fix how to fix it, as a clause without a final period
 */
public record ConfigError(String source, int line, int column, String path, String problem,
        String fix) {

    /**
     * Renders the error on one line, such as
     * {@code bindery.yaml:12:7: workers[2].bindings.auth: ... Fix: ...}.
     *
     * @return the text
     */
    public String render() {
        var text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(problem).append(". Fix: ").append(fix).append('.').toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
