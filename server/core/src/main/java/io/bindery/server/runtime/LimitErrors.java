package io.bindery.server.runtime;

import java.time.Duration;

/**
 * Writes the errors of reached limits: each message names the limit, its value, the
 * configuration key that set it, and how to change it.
 *
 * <p>Stateless and thread-safe.
 */
public final class LimitErrors {

    private LimitErrors() {
    }

    /**
     * Describes a binding call past {@code maxInvocations}.
     *
     * @param limits the request's limits
     * @param caller the calling worker
     * @param binding the binding's name
     * @param target the worker the binding calls
     * @return the error
     */
    public static LimitExceededException invocations(RequestLimits limits, String caller,
            String binding, String target) {
        int max = limits.maxInvocations();
        return raise(Limit.INVOCATIONS, limits, Integer.toString(max), "Worker invocation "
                + "limit reached: the call from '" + caller + "' to '" + target + "' through "
                + "binding '" + binding + "' would be worker invocation " + (max + 1)
                + " of this request, but a request may run at most " + max + " ("
                + limits.configKey(Limit.INVOCATIONS) + "). A worker that calls itself, or "
                + "workers that call each other, stop here. Make fewer binding calls, or ");
    }

    /**
     * Describes an outbound fetch past {@code maxSubrequests}.
     *
     * @param limits the request's limits
     * @param worker the worker that fetched
     * @param url the URL it fetched
     * @return the error
     */
    public static LimitExceededException subrequests(RequestLimits limits, String worker,
            String url) {
        int max = limits.maxSubrequests();
        return raise(Limit.SUBREQUESTS, limits, Integer.toString(max), "Subrequest limit "
                + "reached: worker '" + worker + "' tried outbound fetch " + (max + 1) + " ("
                + url + ") of this request, but a request may make at most " + max + " ("
                + limits.configKey(Limit.SUBREQUESTS) + "). Make fewer fetches, or ");
    }

    /**
     * Describes a request that ran past {@code requestTimeout}.
     *
     * @param limits the request's limits
     * @param worker the entry worker
     * @return the error
     */
    public static LimitExceededException requestTimeout(RequestLimits limits, String worker) {
        String value = format(limits.requestTimeout());
        return raise(Limit.REQUEST_TIMEOUT, limits, value, "Request timeout: worker '"
                + worker + "' did not answer within the wall-time limit of " + value + " ("
                + limits.configKey(Limit.REQUEST_TIMEOUT) + "), so the client got 504 and the "
                + "request's workers were interrupted. Make the workers answer sooner, or ");
    }

    /**
     * Describes a body larger than {@code maxRequestBodySize}.
     *
     * @param limits the request's limits
     * @param observed what was seen, such as {@code a Content-Length of 20971520 bytes}
     * @return the error
     */
    public static LimitExceededException requestBody(RequestLimits limits, String observed) {
        long max = limits.maxRequestBodySize();
        return raise(Limit.REQUEST_BODY, limits, Long.toString(max), "Request body too large: "
                + "the request has " + observed + ", but a request body may have at most "
                + bytes(max) + " (" + limits.configKey(Limit.REQUEST_BODY) + "). Send a "
                + "smaller body, or ");
    }

    /**
     * Describes a request with more header fields than {@code maxHeaderCount}.
     *
     * @param limits the request's limits
     * @param count the number of header fields it has
     * @return the error
     */
    public static LimitExceededException headerCount(RequestLimits limits, int count) {
        int max = limits.maxHeaderCount();
        return raise(Limit.HEADER_COUNT, limits, Integer.toString(max), "Too many request "
                + "headers: the request has " + count + " header fields, but at most " + max
                + " are allowed (" + limits.configKey(Limit.HEADER_COUNT) + "). Send fewer "
                + "header fields, or ");
    }

    /**
     * Describes headers larger than {@code maxHeaderSize}, which Helidon refused.
     *
     * @param limits the top-level limits
     * @return the error
     */
    public static LimitExceededException headerSize(RequestLimits limits) {
        int max = limits.global().maxHeaderSize();
        return error(Limit.HEADER_SIZE, limits, Integer.toString(max), "Request headers too "
                + "large: the header fields exceed " + bytes(max) + " in all (limits."
                + "maxHeaderSize). Send fewer or smaller header fields, or raise limits."
                + "maxHeaderSize in the top-level limits: section of the configuration.");
    }

    /**
     * Describes a request line longer than Helidon accepts under {@code maxUrlLength}.
     *
     * @param limits the top-level limits
     * @return the error
     */
    public static LimitExceededException urlLength(RequestLimits limits) {
        int max = limits.global().maxUrlLength();
        return error(Limit.URL_LENGTH, limits, Integer.toString(max), "Request URL too long: "
                + "the request target exceeds " + bytes(max) + " (limits.maxUrlLength). Send "
                + "a shorter URL, or raise limits.maxUrlLength in the top-level limits: "
                + "section of the configuration.");
    }

    /**
     * Writes a duration the way the configuration does: {@code 30s}, {@code 1500ms}.
     *
     * @param duration the duration
     * @return the text
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * Writes a byte count with its binary size where that is shorter.
     *
     * @param bytes the count
     * @return such as {@code 10485760 bytes (10 MiB)}
     */
    public static String bytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB"};
        for (int i = units.length - 1; i >= 0; i--) {
            long unit = 1L << (10 * (i + 1));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes + " bytes (" + bytes / unit + " " + units[i] + ")";
            }
        }
        return bytes + " bytes";
    }

    private static LimitExceededException raise(Limit limit, RequestLimits limits,
            String value, String message) {
        return error(limit, limits, value, message + limits.howToRaise(limit) + ".");
    }

    private static LimitExceededException error(Limit limit, RequestLimits limits,
            String value, String message) {
        return new LimitExceededException(limit, value, limits.configKey(limit), message);
    }
}
