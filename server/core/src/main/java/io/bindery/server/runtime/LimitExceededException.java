package io.bindery.server.runtime;

import java.util.Objects;

/**
 * Reports that a request reached one of its limits: which limit, its value, and the
 * configuration key that sets it.
 *
 * <p>Thrown into worker code by {@code ctx.fetch} (subrequests) and by binding calls and
 * fetches made after the request's wall time is over; a binding passes it on to the caller as
 * a {@code BindingException} of the same kind and message. The HTTP layer also uses it to
 * describe requests refused before any worker runs. The message is a full sentence that names
 * the limit, its value and the key to change.
 */
public final class LimitExceededException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Limit limit;
    private final String value;
    private final String configKey;

    /**
     * Creates the exception.
     *
     * @param limit the limit reached
     * @param value the limit's value as configured, such as {@code 1000} or {@code 30s}
     * @param configKey where to change it, such as {@code limits.maxSubrequests}
     * @param message the full sentence to report
     */
    public LimitExceededException(Limit limit, String value, String configKey,
            String message) {
        super(message);
        this.limit = Objects.requireNonNull(limit, "limit");
        this.value = value;
        this.configKey = configKey;
    }

    /** @return the limit reached */
    public Limit limit() {
        return limit;
    }

    /** @return the error kind, such as {@code SubrequestLimitExceeded} */
    public String kind() {
        return limit.kind();
    }

    /** @return the limit's value as configured */
    public String value() {
        return value;
    }

    /** @return the configuration key that sets the value in force */
    public String configKey() {
        return configKey;
    }
}
