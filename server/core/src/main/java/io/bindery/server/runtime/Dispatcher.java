package io.bindery.server.runtime;

import io.bindery.worker.BindingException;
import io.bindery.worker.Json;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves incoming requests end to end: chooses the entry worker by route, runs it, and turns
 * an unrouted path into a 404 answer and a failed worker into a 500 answer.
 *
 * <p>Thread-safe; called once per incoming request on that request's virtual thread.
 */
public final class Dispatcher {

    private static final System.Logger LOGGER = System.getLogger(Dispatcher.class.getName());

    private final Routes routes;
    private final WorkerInvoker invoker;

    Dispatcher(Routes routes, WorkerInvoker invoker) {
        this.routes = routes;
        this.invoker = invoker;
    }

    /**
     * Serves one incoming request end to end (routing, entry worker, 404 and 500 answers).
     *
     * @param scope the request's scope, created for it by the HTTP layer
     * @param request the request, with an absolute URL
     * @return the response to send; never {@code null}
     */
    public Response dispatch(RequestScope scope, Request request) {
        long start = System.nanoTime();
        Response response = serve(scope, request);
        if (LOGGER.isLoggable(Level.DEBUG)) {
            LOGGER.log(Level.DEBUG, "Request " + scope.requestId() + ": " + request.method() + " "
                    + request.path() + " -> " + scope.entryWorker() + " " + response.status()
                    + " in " + (System.nanoTime() - start) / 1_000 + " us");
        }
        return response;
    }

    private Response serve(RequestScope scope, Request request) {
        var match = routes.match(request.path());
        if (match.isEmpty()) {
            return notFound(scope, request);
        }
        DeployedWorker worker;
        try {
            worker = invoker.worker(match.get().worker());
        } catch (RuntimeException e) {
            return failed(scope, match.get().worker(), e);
        }
        scope.routed(match.get().route(), worker.name(), worker.account());
        try {
            return invoker.invoke(Invocation.entry(worker.name(), worker.account()), request,
                    scope);
        } catch (Throwable e) {
            return failed(scope, worker.name(), e);
        }
    }

    private static Response notFound(RequestScope scope, Request request) {
        return error(404, "not_found", "No worker is routed to the path '" + request.path()
                + "'.", scope);
    }

    private static Response failed(RequestScope scope, String worker, Throwable e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (scope.logged(e)) {
            LOGGER.log(Level.DEBUG, () -> "Worker '" + worker + "' passed on a failure that was "
                    + "logged already (request " + scope.requestId() + "): " + e.getMessage());
        } else {
            LOGGER.log(Level.WARNING, () -> "Worker '" + worker + "' failed (request "
                    + scope.requestId() + ")", e);
        }
        String kind = e instanceof BindingException binding
                ? "BindingException from worker '" + binding.worker() + "'"
                : e.getClass().getSimpleName();
        return error(500, "worker_failed", "The worker '" + worker + "' failed with " + kind
                + "; the server log has the details under request id " + scope.requestId()
                + ".", scope);
    }

    private static Response error(int status, String error, String message, RequestScope scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("requestId", scope.requestId());
        return Response.json(status, Json.write(body));
    }
}
