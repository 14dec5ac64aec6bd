package io.bindery.server.runtime;

/**
 * Reports that a worker class cannot be loaded or instantiated, with the fix.
 */
public final class WorkerLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, as a clause without a final period
     * @param fix how to fix it, as a clause without a final period
     * @param cause the underlying failure, or {@code null}
     */
    public WorkerLoadException(String problem, String fix, Throwable cause) {
        super(problem + ". Fix: " + fix + ".", cause);
        this.problem = problem;
        this.fix = fix;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }

    /** @return how to fix it */
    public String fix() {
        return fix;
    }
}
