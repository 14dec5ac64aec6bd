package io.bindery.worker;

/**
 * Handles requests: the one method a worker implements.
 *
 * <p>The platform calls {@link #fetch} on a virtual thread, once per invocation, either for an
 * incoming HTTP request routed to this worker or for a call through a service binding from
 * another worker of the same request. One instance serves many requests at once, so an
 * implementation must be thread-safe; keep per-request state in local variables.
 *
 * <p>A worker class needs a public no-argument constructor. A worker written as a lambda is
 * handed to the platform through a {@link WorkerFactory} instead.
 */
@FunctionalInterface
public interface Worker {

    /**
     * Answers one request.
     *
     * @param request the request, never {@code null}
     * @param env this worker's bindings, variables, secrets and key-value namespaces
     * @param ctx this invocation's context: background work and outbound HTTP
     * @return the response, never {@code null}
     * @throws Exception any failure; the platform turns it into a 500 response for an incoming
     *     request, or into a {@link BindingException} for a worker that called this one
     */
    Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception;

    /**
     * Receives the worker's environment once, when the worker is deployed and before any
     * call reaches it. A worker that serves typed methods to other workers (see
     * {@link Env#service}) keeps what it needs from its environment here, since those
     * methods receive no {@code Env}. Does nothing by default.
     *
     * @param env the worker's environment
     */
    default void start(Env env) {
    }
}
