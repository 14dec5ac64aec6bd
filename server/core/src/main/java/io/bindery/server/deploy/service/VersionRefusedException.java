package io.bindery.server.deploy.service;

import io.bindery.server.config.ConfigError;
import io.bindery.server.deploy.DeployRejectedException;
import java.util.List;

/**
 * Signals that a version did not validate and was not activated; the refusal is recorded and
 * the version that served keeps serving.
 */
public final class VersionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String worker;
    private final int version;
    private final int serving;
    private final transient List<ConfigError> errors;

    VersionRefusedException(String worker, int version, int serving,
            DeployRejectedException cause) {
        super(worker + " version " + version + " was refused with " + cause.errors().size()
                + (cause.errors().size() == 1 ? " error" : " errors") + "; "
                + (serving < 0 ? "nothing was serving " + worker + " and nothing does now"
                        : "version " + serving + " keeps serving"), cause);
        this.worker = worker;
        this.version = version;
        this.serving = serving;
        this.errors = List.copyOf(cause.errors());
    }

    /** @return the worker's name */
    public String worker() {
        return worker;
    }

    /** @return the refused version */
    public int version() {
        return version;
    }

    /** @return the version that keeps serving, or -1 for a worker that is not served */
    public int serving() {
        return serving;
    }

    /** @return every error, each naming the field, the problem and the fix */
    public List<ConfigError> errors() {
        return errors;
    }
}
