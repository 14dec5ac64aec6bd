package io.bindery.worker;

/**
 * Reports that a call through a service binding failed.
 *
 * <p>It names the worker that failed and carries the failure's message, but never the callee's
 * stack trace or exception object: the callee's classes stay private to the callee.
 */
public class BindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String worker;
    private final String kind;

    /**
     * Creates an exception for a failure in the named worker.
     *
     * @param worker the worker that failed
     * @param kind a short name of the failure, such as the simple name of the callee's exception
     * @param message what went wrong, as a full sentence
     */
    public BindingException(String worker, String kind, String message) {
        super(message, null, false, false);
        this.worker = worker;
        this.kind = kind;
    }

    /**
     * Returns the name of the worker that failed.
     *
     * @return the worker's name
     */
    public String worker() {
        return worker;
    }

    /**
     * Returns a short name of the failure, such as {@code IllegalStateException}.
     *
     * @return the failure's kind
     */
    public String kind() {
        return kind;
    }
}
