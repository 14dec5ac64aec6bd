package io.bindery.server.deploy.service;

/**
 * Signals a deploy request that cannot be carried out as asked: an unknown worker or
 * version, or a rollback with nothing to roll back to. Nothing changed.
 */
public final class DeployConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem it is, for the HTTP status. */
    public enum Kind {
        /** The worker or version does not exist. */
        NOT_FOUND,
        /** The request does not fit the worker's state. */
        CONFLICT
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind what kind of problem it is
     * @param message what is wrong and how to go on
     */
    public DeployConflictException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return what kind of problem it is */
    public Kind kind() {
        return kind;
    }
}
