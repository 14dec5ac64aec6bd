package io.bindery.ledger;

/** Signals that the ledger database cannot be read right now. */
public final class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     * @param cause the database error
     */
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
