package io.bindery.server.runtime;

import java.util.concurrent.CancellationException;

/**
 * Reports that a background task was cancelled: past its time limit after the response, or
 * at shutdown.
 *
 * <p>Its message is {@code cancelled}, which becomes the status description of the task's
 * background span; {@link #reason()} says why, and the cause is what the task threw when it
 * was interrupted, if anything.
 */
public final class TaskCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    TaskCancelledException(String reason, Throwable cause) {
        super("cancelled");
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** @return why the task was cancelled, as a sentence fragment */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": cancelled because " + reason;
    }
}
