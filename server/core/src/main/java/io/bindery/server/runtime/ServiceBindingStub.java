package io.bindery.server.runtime;

import io.bindery.worker.BindingException;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.ServiceBinding;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Implements a service binding: calls the target worker in-process, on the caller's thread,
 * with no socket and no serialization.
 *
 * <p>One instance per binding of a calling worker, shared by all its requests; thread-safe. A
 * call must come from a thread that runs a worker invocation or a background task, which is
 * how the stub knows the request it belongs to. An exception in the target reaches the caller
 * as a {@link BindingException} that names the target and carries the exception's message but
 * never its stack trace; the original exception is logged once, at WARNING.
 */
public final class ServiceBindingStub implements ServiceBinding {

    private static final System.Logger LOGGER =
            System.getLogger(ServiceBindingStub.class.getName());

    private final String name;
    private final String caller;
    private final String target;
    private final String targetAccount;
    private final WorkerInvoker invoker;
    private final int maxInvocations;

    ServiceBindingStub(String name, String caller, String target, String targetAccount,
            WorkerInvoker invoker, int maxInvocations) {
        this.name = name;
        this.caller = caller;
        this.target = target;
        this.targetAccount = targetAccount;
        this.invoker = invoker;
        this.maxInvocations = maxInvocations;
    }

    /**
     * Runs the target worker with the request, on this thread, and returns its response.
     *
     * @param request the request handed to the target
     * @return the target's response
     * @throws BindingException when the target throws, or when the request has already made
     *     the maximum number of worker invocations
     * @throws IllegalStateException when called from a thread that works for no request
     */
    @Override
    public Response fetch(Request request) {
        Objects.requireNonNull(request, "A binding call needs a request; pass the incoming "
                + "request or build one with Request.builder.");
        RequestScope scope = scope();
        checkLimit(scope);
        try {
            return invoker.invoke(Invocation.bound(target, targetAccount, name, caller),
                    request, scope);
        } catch (Exception e) {
            throw failure(e, scope);
        }
    }

    /** @return the binding's name in the caller's configuration */
    @Override
    public String name() {
        return name;
    }

    /** @return the name of the worker this binding calls */
    @Override
    public String target() {
        return target;
    }

    /** @return the name of the worker this binding belongs to */
    public String caller() {
        return caller;
    }

    @Override
    public String toString() {
        return "ServiceBinding[" + caller + "." + name + " -> " + target + "]";
    }

    private RequestScope scope() {
        RequestScope scope = CurrentScope.get();
        if (scope == null) {
            throw new IllegalStateException("The binding '" + name + "' of worker '" + caller
                    + "' was called from a thread that works for no request; call bindings "
                    + "from the worker's fetch method or from a ctx.waitUntil task.");
        }
        return scope;
    }

    private void checkLimit(RequestScope scope) {
        if (scope.invocations() >= maxInvocations) {
            throw new BindingException(target, "InvocationLimitExceeded", "The call from '"
                    + caller + "' to '" + target + "' through binding '" + name + "' exceeds "
                    + "the limit of " + maxInvocations + " worker invocations per request; "
                    + "make fewer binding calls or raise limits.maxInvocations.");
        }
    }

    private BindingException failure(Exception e, RequestScope scope) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String kind = e instanceof BindingException nested ? nested.kind()
                : e.getClass().getSimpleName();
        String detail = e.getMessage() == null ? kind : e.getMessage();
        var failure = new BindingException(target, kind,
                "The worker '" + target + "' failed: " + detail);
        if (!scope.logged(e)) {
            LOGGER.log(Level.WARNING, () -> "Worker '" + target + "' failed in a call from '"
                    + caller + "' through binding '" + name + "' (request "
                    + scope.requestId() + ")", e);
        }
        scope.markLogged(failure);
        return failure;
    }
}
