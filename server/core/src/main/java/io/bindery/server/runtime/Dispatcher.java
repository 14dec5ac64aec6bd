package io.bindery.server.runtime;

import io.bindery.worker.BindingException;
import io.bindery.worker.Json;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves incoming requests end to end: chooses the entry worker by route, runs it within the
 * request's wall-time limit, and turns an unrouted path into a 404 answer, a refused request
 * into its limit's answer, a failed worker into a 500 answer and an overdue one into 504.
 *
 * <p>The entry worker runs on a virtual thread of its own while the calling thread waits up to
 * {@code requestTimeout}; past it, the request's registered threads are interrupted and the
 * caller gets 504 at once, whether or not the worker reacts to the interrupt. Error answers are
 * JSON with {@code error}, {@code kind}, {@code message} and {@code requestId}, and for limits
 * also {@code limit}, {@code value} and {@code configKey}.
 *
 * <p>Thread-safe; called once per incoming request on that request's virtual thread.
 */
public final class Dispatcher {

    private static final System.Logger LOGGER = System.getLogger(Dispatcher.class.getName());

    private final WorkerInvoker invoker;
    private final BackgroundTasks tasks;

    Dispatcher(WorkerInvoker invoker, BackgroundTasks tasks) {
        this.invoker = invoker;
        this.tasks = tasks;
    }

    /**
     * Serves one incoming request end to end (routing, entry worker, 404, 500 and limit
     * answers), on the deployment snapshot that is current when it starts: the request and
     * everything it calls run on the versions of that snapshot, even when another version is
     * activated meanwhile.
     *
     * @param scope the request's scope, created for it by the HTTP layer; when it carries a
     *     {@linkplain RequestScope#rejection() rejection}, the request is routed but no worker
     *     runs, and the answer is the rejection's
     * @param request the request, with an absolute URL
     * @return the response to send; never {@code null}
     */
    public Response dispatch(RequestScope scope, Request request) {
        long start = System.nanoTime();
        Response response;
        var hold = new Hold(invoker.acquire());
        scope.useDeployment(hold.snapshot);
        try {
            response = serve(scope, request, hold);
        } finally {
            tasks.responded(scope);
            hold.releaseUnlessHandedOver();
        }
        if (LOGGER.isLoggable(Level.DEBUG)) {
            LOGGER.log(Level.DEBUG, "Request " + scope.requestId() + ": " + request.method() + " "
                    + request.path() + " -> " + scope.entryWorker() + " " + response.status()
                    + " in " + (System.nanoTime() - start) / 1_000 + " us");
        }
        return response;
    }

    /**
     * Returns the limits in force for requests to a path: the entry worker's, or the
     * top-level ones when no worker is routed to it.
     *
     * @param path the request path
     * @return the limits
     */
    public RequestLimits limits(String path) {
        Deployment snapshot = invoker.current();
        return snapshot.routes().match(path).map(match -> snapshot.limits(match.worker()))
                .orElse(snapshot.unrouted());
    }

    /**
     * Answers a request that cannot be dispatched because Helidon refused it before its
     * method and path were known, such as a request line longer than {@code maxUrlLength}.
     * The answer has the limit's JSON shape; no worker runs and nothing is traced or billed.
     *
     * @param scope a scope for the request id
     * @param error the limit the request broke
     * @return the response
     */
    public Response refuse(RequestScope scope, LimitExceededException error) {
        LOGGER.log(Level.DEBUG, () -> "Unparsed request refused: " + error.getMessage());
        return limitError(status(error.limit()), error, null, scope);
    }

    private Response serve(RequestScope scope, Request request, Hold hold) {
        Deployment snapshot = hold.snapshot;
        var match = snapshot.routes().match(request.path());
        if (match.isEmpty()) {
            scope.useLimits(snapshot.unrouted());
            return scope.rejection() != null ? rejected(scope) : notFound(scope, request);
        }
        DeployedWorker worker = snapshot.worker(match.get().worker());
        scope.routed(match.get().route(), worker.name(), worker.account(),
                snapshot.limits(worker.name()));
        if (scope.rejection() != null) {
            return rejected(scope);
        }
        scope.tryInvocation(Integer.MAX_VALUE);
        return runEntry(scope, hold, worker, request);
    }

    /**
     * Runs the entry worker on a thread of its own, to which the request's hold on its
     * snapshot passes: it lets go when the worker returns, also when the request timed out
     * before, so that a retired version's class loader is not closed under a running worker.
     */
    private Response runEntry(RequestScope scope, Hold hold, DeployedWorker worker,
            Request request) {
        var invocation = Invocation.entry(worker.name(), worker.account(), worker.version());
        var call = new FutureTask<>(() -> {
            try {
                return invoker.invoke(invocation, request, scope);
            } finally {
                hold.snapshot.release();
            }
        });
        hold.handOver();
        Thread.ofVirtual().name("bindery-entry-" + worker.name()).start(call);
        try {
            return call.get(scope.limits().requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return failed(scope, worker.name(), e.getCause());
        } catch (TimeoutException e) {
            return timedOut(scope, worker.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted(scope, worker.name());
        }
    }

    private static Response timedOut(RequestScope scope, String worker) {
        LimitExceededException error = LimitErrors.requestTimeout(scope.limits(), worker);
        int interrupted = scope.expire(error);
        LOGGER.log(Level.WARNING, () -> "Request " + scope.requestId() + " timed out: "
                + error.getMessage() + " (" + interrupted + " threads interrupted)");
        return limitError(504, error, worker, scope);
    }

    private static Response interrupted(RequestScope scope, String worker) {
        LimitExceededException error = LimitErrors.requestTimeout(scope.limits(), worker);
        scope.expire(error);
        LOGGER.log(Level.WARNING, () -> "Request " + scope.requestId() + " was interrupted "
                + "while worker '" + worker + "' ran; its threads were interrupted too.");
        return error(503, "interrupted", "Interrupted", "The server stopped waiting for worker '"
                + worker + "' because it is shutting down; retry the request.", scope);
    }

    private static Response rejected(RequestScope scope) {
        LimitExceededException error = scope.rejection();
        LOGGER.log(Level.DEBUG, () -> "Request " + scope.requestId() + " refused: "
                + error.getMessage());
        return limitError(status(error.limit()), error, scope.entryWorker(), scope);
    }

    private static int status(Limit limit) {
        return switch (limit) {
            case REQUEST_BODY -> 413;
            case HEADER_COUNT, HEADER_SIZE -> 431;
            case URL_LENGTH -> 414;
            case REQUEST_TIMEOUT -> 504;
            default -> 500;
        };
    }

    private static Response notFound(RequestScope scope, Request request) {
        return error(404, "not_found", null, "No worker is routed to the path '"
                + request.path() + "'.", scope);
    }

    private static Response failed(RequestScope scope, String worker, Throwable e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        LimitExceededException limit = limitOf(scope, e);
        if (limit != null) {
            LOGGER.log(Level.WARNING, () -> "Worker '" + worker + "' failed (request "
                    + scope.requestId() + "): " + limit.getMessage());
            return limitError(500, limit, worker, scope);
        }
        log(scope, worker, e);
        String kind = e instanceof BindingException binding ? binding.kind()
                : e.getClass().getSimpleName();
        String origin = e instanceof BindingException binding
                ? " passed on from worker '" + binding.worker() + "'" : "";
        return error(500, "worker_failed", kind, "The worker '" + worker + "' failed with "
                + kind + origin + "; the server log has the details under request id "
                + scope.requestId() + ".", scope, Map.of("worker", worker));
    }

    /** Finds the limit behind a failure: thrown directly, or passed on by a binding. */
    private static LimitExceededException limitOf(RequestScope scope, Throwable e) {
        if (e instanceof LimitExceededException limit) {
            return limit;
        }
        LimitExceededException seen = scope.violation();
        if (e instanceof BindingException binding && seen != null
                && seen.kind().equals(binding.kind())) {
            return seen;
        }
        return null;
    }

    private static void log(RequestScope scope, String worker, Throwable e) {
        if (scope.logged(e)) {
            LOGGER.log(Level.DEBUG, () -> "Worker '" + worker + "' passed on a failure that was "
                    + "logged already (request " + scope.requestId() + "): " + e.getMessage());
        } else {
            LOGGER.log(Level.WARNING, () -> "Worker '" + worker + "' failed (request "
                    + scope.requestId() + ")", e);
        }
    }

    private static Response limitError(int status, LimitExceededException error, String worker,
            RequestScope scope) {
        var extra = new LinkedHashMap<String, Object>();
        if (worker != null) {
            extra.put("worker", worker);
        }
        extra.put("limit", error.limit().key());
        extra.put("value", error.value());
        extra.put("configKey", error.configKey());
        return error(status, "limit_exceeded", error.kind(), error.getMessage(), scope, extra);
    }

    private static Response error(int status, String error, String kind, String message,
            RequestScope scope) {
        return error(status, error, kind, message, scope, Map.of());
    }

    private static Response error(int status, String error, String kind, String message,
            RequestScope scope, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (kind != null) {
            body.put("kind", kind);
        }
        body.putAll(extra);
        body.put("message", message);
        body.put("requestId", scope.requestId());
        return Response.json(status, Json.write(body));
    }

    /** A request's hold on its snapshot, released by the dispatcher or by the entry thread. */
    private static final class Hold {
        final Deployment snapshot;
        private boolean handedOver;

        Hold(Deployment snapshot) {
            this.snapshot = snapshot;
        }

        void handOver() {
            handedOver = true;
        }

        void releaseUnlessHandedOver() {
            if (!handedOver) {
                snapshot.release();
            }
        }
    }
}
