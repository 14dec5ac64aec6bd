package io.bindery.server.runtime;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Holds what the platform knows about one incoming request while it and its background tasks
 * run: its id, the route and entry worker it was routed to, the limits in force, its usage
 * counters, and the threads that work for it.
 *
 * <p>One instance per incoming request. All methods are thread-safe: the request's own virtual
 * thread, threads its workers start, its background tasks and the Bindery agent may call them
 * concurrently.
 */
public final class RequestScope {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private volatile String requestId;
    private volatile String route;
    private volatile String entryWorker;
    private volatile String account;
    private volatile RequestLimits limits;
    private volatile LimitExceededException rejection;
    private volatile Deployment deployment;
    private volatile long respondedAt;
    private volatile boolean responded;
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger subrequests = new AtomicInteger();
    private final AtomicInteger backgroundTasks = new AtomicInteger();
    private final AtomicReference<LimitExceededException> violation = new AtomicReference<>();
    private final Set<Throwable> logged = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    private final ReentrantLock threadLock = new ReentrantLock();
    private final Map<Thread, Integer> threads = new HashMap<>();
    private LimitExceededException expiry;

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
     * @param traceId 32 lowercase hex characters, not all zero
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

    /**
     * Refuses the request before any worker runs: {@link Dispatcher#dispatch} then routes it,
     * so that it is billed to the entry worker's account, and answers with the error instead
     * of running the worker. Call it before dispatch.
     *
     * @param error the limit the request broke
     */
    public void reject(LimitExceededException error) {
        this.rejection = error;
    }

    /**
     * Returns the limit that made the request be refused before any worker ran.
     *
     * @return the error; {@code null} for a request that was not refused
     */
    public LimitExceededException rejection() {
        return rejection;
    }

    /**
     * Returns the first limit a worker of this request reached.
     *
     * @return the error; {@code null} while no limit was reached
     */
    public LimitExceededException violation() {
        return violation.get();
    }

    /**
     * Returns the limits in force for this request.
     *
     * @return the limits; {@code null} before the dispatcher has routed the request
     */
    public RequestLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "RequestScope[" + requestId + ", route=" + route + ", worker=" + entryWorker + "]";
    }

    void routed(String routePattern, String worker, String workerAccount,
            RequestLimits requestLimits) {
        this.route = routePattern;
        this.entryWorker = worker;
        this.account = workerAccount;
        this.limits = requestLimits;
    }

    /** Returns the snapshot the request runs on, captured when it was dispatched. */
    Deployment deployment() {
        Deployment captured = deployment;
        if (captured == null) {
            throw new IllegalStateException("Request " + requestId + " has not been dispatched; "
                    + "workers run only for dispatched requests.");
        }
        return captured;
    }

    /** Fixes the snapshot every invocation of this request runs on; the dispatcher calls it. */
    void useDeployment(Deployment snapshot) {
        this.deployment = snapshot;
    }

    void useLimits(RequestLimits requestLimits) {
        this.limits = requestLimits;
    }

    /** Counts one invocation unless the request has made {@code max} already. */
    boolean tryInvocation(int max) {
        return tryIncrement(invocations, max);
    }

    /** Counts one outbound fetch unless the request has made {@code max} already. */
    boolean trySubrequest(int max) {
        return tryIncrement(subrequests, max);
    }

    int countBackgroundTask() {
        return backgroundTasks.incrementAndGet();
    }

    /** Remembers a reached limit, keeping the first one; returns the error for throwing. */
    LimitExceededException violated(LimitExceededException error) {
        violation.compareAndSet(null, error);
        return error;
    }

    /** Records that a failure has been logged, so that no one logs it a second time. */
    void markLogged(Throwable failure) {
        logged.add(failure);
    }

    boolean logged(Throwable failure) {
        return logged.contains(failure);
    }

    /**
     * Registers the calling thread as working for the request until the returned lease is
     * closed; threads register once per nesting level.
     *
     * @return the lease
     * @throws LimitExceededException when the request's wall time is over
     */
    ThreadLease enterThread() {
        Thread thread = Thread.currentThread();
        threadLock.lock();
        try {
            if (expiry != null) {
                throw expiry;
            }
            threads.merge(thread, 1, Integer::sum);
        } finally {
            threadLock.unlock();
        }
        return () -> leave(thread);
    }

    /**
     * Ends the request's wall time: interrupts every thread registered now and refuses
     * registration from then on.
     *
     * @param error why, given to threads that try to register later
     * @return how many threads were interrupted
     */
    int expire(LimitExceededException error) {
        threadLock.lock();
        try {
            if (expiry != null) {
                return 0;
            }
            expiry = violated(error);
            threads.keySet().forEach(Thread::interrupt);
            return threads.size();
        } finally {
            threadLock.unlock();
        }
    }

    /** @return the error that ended the wall time, or {@code null} while it runs */
    LimitExceededException expiry() {
        threadLock.lock();
        try {
            return expiry;
        } finally {
            threadLock.unlock();
        }
    }

    /** Records when the response was produced; the background tasks' clock starts here. */
    void markResponded(long nanoTime) {
        respondedAt = nanoTime;
        responded = true;
    }

    boolean responded() {
        return responded;
    }

    long respondedAt() {
        return respondedAt;
    }

    private void leave(Thread thread) {
        threadLock.lock();
        try {
            threads.computeIfPresent(thread, (key, depth) -> depth == 1 ? null : depth - 1);
        } finally {
            threadLock.unlock();
        }
    }

    private static boolean tryIncrement(AtomicInteger counter, int max) {
        int current;
        do {
            current = counter.get();
            if (current >= max) {
                return false;
            }
        } while (!counter.compareAndSet(current, current + 1));
        return true;
    }

    /** Ends a thread's registration with a request; close it exactly once. */
    @FunctionalInterface
    interface ThreadLease extends AutoCloseable {
        @Override
        void close();
    }
}
