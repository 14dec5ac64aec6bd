package io.bindery.server.runtime;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Holds what the platform knows about one incoming request while it and its background tasks
 * run: its id, the route and entry worker it was routed to, and its usage counters.
 *
 * <p>One instance per incoming request. All methods are thread-safe: the request's own virtual
 * thread, its background tasks and the Bindery agent may call them concurrently.
 */
public final class RequestScope {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private volatile String requestId;
    private volatile String route;
    private volatile String entryWorker;
    private volatile String account;
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger subrequests = new AtomicInteger();
    private final AtomicInteger backgroundTasks = new AtomicInteger();
    private final Set<Throwable> logged = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    private RequestScope(String requestId) {
        this.requestId = requestId;
    }

    /**
     * Creates the scope of a new incoming request, with a random request id.
     *
     * @return the scope
     */
    public static RequestScope create() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new RequestScope(HexFormat.of().formatHex(bytes));
    }

    /**
     * Returns the request's id: its trace id once the agent has set one, else a random id.
     *
     * @return 32 lowercase hexadecimal characters
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Makes the request's trace id its request id; the agent calls it when dispatch starts.
     *
     * @param traceId 32 lowercase hexadecimal characters, not all zero
     * @throws IllegalArgumentException when the id has another shape
     */
    public void useTraceId(String traceId) {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches()
                || INVALID_TRACE_ID.equals(traceId)) {
            throw new IllegalArgumentException("Trace id '" + traceId + "' is not 32 lowercase "
                    + "hex characters (not all zero); pass a valid W3C trace id.");
        }
        this.requestId = traceId;
    }

    /**
     * Returns the route pattern the request matched, such as {@code /api/*}.
     *
     * @return the pattern; {@code null} before routing and for an unrouted request
     */
    public String route() {
        return route;
    }

    /**
     * Returns the name of the worker the request was routed to.
     *
     * @return the entry worker; {@code null} before routing and for an unrouted request
     */
    public String entryWorker() {
        return entryWorker;
    }

    /**
     * Returns the account of the entry worker, which the request is billed to.
     *
     * @return the account; {@code null} before routing and for an unrouted request
     */
    public String account() {
        return account;
    }

    /**
     * Returns how many worker invocations this request has started so far, entry included.
     *
     * @return the count
     */
    public int invocations() {
        return invocations.get();
    }

    /**
     * Returns how many outbound fetches this request has made so far.
     *
     * @return the count
     */
    public int subrequests() {
        return subrequests.get();
    }

    /**
     * Returns how many background tasks this request has registered so far.
     *
     * @return the count
     */
    public int backgroundTasks() {
        return backgroundTasks.get();
    }

    @Override
    public String toString() {
        return "RequestScope[" + requestId + ", route=" + route + ", worker=" + entryWorker + "]";
    }

    void routed(String routePattern, String worker, String workerAccount) {
        this.route = routePattern;
        this.entryWorker = worker;
        this.account = workerAccount;
    }

    int countInvocation() {
        return invocations.incrementAndGet();
    }

    int countSubrequest() {
        return subrequests.incrementAndGet();
    }

    int countBackgroundTask() {
        return backgroundTasks.incrementAndGet();
    }

    /** Records that a failure has been logged, so that no one logs it a second time. */
    void markLogged(Throwable failure) {
        logged.add(failure);
    }

    boolean logged(Throwable failure) {
        return logged.contains(failure);
    }
}
