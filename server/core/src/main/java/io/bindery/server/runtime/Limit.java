package io.bindery.server.runtime;

import java.util.Arrays;
import java.util.Optional;

/**
 * Names the limits Bindery enforces per request, each with its configuration key and the
 * kind of error it raises.
 *
 * <p>The key is the name under {@code limits:} in the configuration; the kind is what
 * {@link LimitExceededException#kind()} and {@code BindingException.kind()} report and what
 * error bodies carry under {@code "kind"}.
 */
public enum Limit {

    /** Worker invocations per incoming request, entry worker included. */
    INVOCATIONS("maxInvocations", "InvocationLimitExceeded"),
    /** Outbound fetches per incoming request. */
    SUBREQUESTS("maxSubrequests", "SubrequestLimitExceeded"),
    /** Wall time from dispatch to response. */
    REQUEST_TIMEOUT("requestTimeout", "RequestTimeout"),
    /** Time a background task may run after the response. */
    BACKGROUND_TASK_TIMEOUT("backgroundTaskTimeout", "BackgroundTaskCancelled"),
    /** Bytes in the request body. */
    REQUEST_BODY("maxRequestBodySize", "RequestBodyTooLarge"),
    /** Header fields in the request. */
    HEADER_COUNT("maxHeaderCount", "TooManyHeaders"),
    /** Bytes in the request's header fields. */
    HEADER_SIZE("maxHeaderSize", "HeadersTooLarge"),
    /** Bytes in the request target. */
    URL_LENGTH("maxUrlLength", "UrlTooLong");

    private final String key;
    private final String kind;

    Limit(String key, String kind) {
        this.key = key;
        this.kind = kind;
    }

    /** @return the key under {@code limits:}, such as {@code maxSubrequests} */
    public String key() {
        return key;
    }

    /** @return the error kind, such as {@code SubrequestLimitExceeded} */
    public String kind() {
        return kind;
    }

    /**
     * Finds the limit whose error has a kind.
     *
     * @param kind an error kind, such as the kind of a {@code BindingException}
     * @return the limit, or empty when the kind belongs to no limit
     */
    public static Optional<Limit> ofKind(String kind) {
        return Arrays.stream(values()).filter(limit -> limit.kind.equals(kind)).findFirst();
    }
}
