package io.bindery.server.deploy;

import io.bindery.server.config.ConfigError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reports that a worker version was refused before it took any request; nothing changed and
 * the version that served before still serves.
 *
 * <p>Each error names the field at fault, the problem and the fix; its source is
 * {@code <worker> version <n>}.
 */
public final class DeployRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String worker;
    private final int version;
    private final transient List<ConfigError> errors;

    /**
     * Creates the exception.
     *
     * @param worker the worker's name
     * @param version the refused version
     * @param errors every reason, at least one
     */
    public DeployRejectedException(String worker, int version, List<ConfigError> errors) {
        super("Version " + version + " of worker '" + worker + "' was refused; the previous "
                + "version keeps serving:\n" + errors.stream().map(ConfigError::render)
                        .collect(Collectors.joining("\n")));
        this.worker = worker;
        this.version = version;
        this.errors = List.copyOf(errors);
    }

    /** @return the name of the worker whose version was refused */
    public String worker() {
        return worker;
    }

    /** @return the refused version's number */
    public int version() {
        return version;
    }

    /** @return every reason the version was refused, each with field, problem and fix */
    public List<ConfigError> errors() {
        return errors;
    }
}
