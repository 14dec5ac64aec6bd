package io.bindery.server.runtime;

import io.bindery.worker.BindingException;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.ServiceBinding;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implements a service binding: calls the target worker in-process, on the caller's thread,
 * with no socket and no serialization.
 *
 * <p>One instance per binding of a calling worker, shared by all its requests; thread-safe. A
 * call must come from a thread that runs a worker invocation or a background task, which is
 * how the stub knows the request it belongs to. An exception in the target reaches the caller
 * as a {@link BindingException} that names the target and carries the exception's message but
 * never its stack trace; the original exception is logged once, at WARNING. A failure the
 * target passed on from a worker it called keeps its kind and message, so a chain of workers
 * reports the original failure once rather than nesting it. A reached limit
 * ({@link LimitExceededException}) crosses the binding as a {@code BindingException} of the
 * limit's kind and with its message.
 *
 * <p>The same binding also serves typed calls ({@link #call}): {@link #service} returns a
 * proxy of an interface that the target worker implements, whose every call goes through
 * {@link #call}, counts as one worker invocation and crosses the class loaders as
 * {@link RpcTypes} decides.
 */
public final class ServiceBindingStub implements ServiceBinding {

    private static final System.Logger LOGGER =
            System.getLogger(ServiceBindingStub.class.getName());

    private final String name;
    private final String caller;
    private final String target;
    private final WorkerInvoker invoker;
    private final Map<Class<?>, Object> proxies = new ConcurrentHashMap<>();
    private final Map<Method, Class<?>> methods = new ConcurrentHashMap<>();

    ServiceBindingStub(String name, String caller, String target, WorkerInvoker invoker) {
        this.name = name;
        this.caller = caller;
        this.target = target;
        this.invoker = invoker;
    }

    /**
     * Runs the target worker with the request, on this thread, and returns its response.
     *
     * @param request the request handed to the target
     * @return the target's response
     * @throws BindingException when the target throws, when the request has already made
     *     the maximum number of worker invocations (kind {@code InvocationLimitExceeded}), or
     *     when its wall time is over (kind {@code RequestTimeout})
     * @throws IllegalStateException when called from a thread that works for no request
     */
    @Override
    public Response fetch(Request request) {
        Objects.requireNonNull(request, "A binding call needs a request; pass the incoming "
                + "request or build one with Request.builder.");
        RequestScope scope = scope();
        checkLimits(scope);
        DeployedWorker callee = scope.deployment().worker(target);
        try {
            return invoker.invoke(invocation(callee), request, scope);
        } catch (Exception e) {
            throw failure(e, scope);
        }
    }

    /**
     * Runs one typed call: the target worker's implementation of {@code method}, on this
     * thread, with the arguments converted for the target's class loader.
     *
     * @param method a method of an interface obtained through {@code env.service}
     * @param args the caller's arguments; {@code null} for none
     * @return the target's result, converted for the caller
     * @throws BindingException as {@link #fetch} does
     * @throws IllegalArgumentException when {@code method} was not obtained through
     *     {@code env.service} for this binding
     */
    public Object call(Method method, Object[] args) {
        Class<?> type = methods.get(method);
        if (type == null) {
            throw new IllegalArgumentException("The method " + method + " is not served "
                    + "through binding '" + name + "' of worker '" + caller + "'; obtain its "
                    + "interface with env.service(\"" + name + "\", type).");
        }
        RequestScope scope = scope();
        checkLimits(scope);
        Deployment snapshot = scope.deployment();
        DeployedWorker callee = snapshot.worker(target);
        RpcMethod rpc = pairing(snapshot, callee, method, type);
        Object[] values = args == null ? new Object[0] : args;
        try {
            return invoker.invoke(invocation(callee), worker -> rpc.run(worker, values), scope);
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

    /**
     * Pairs every method of the interfaces the caller has asked for with the target version
     * of a snapshot, caching the pairings in that snapshot.
     *
     * @param snapshot the snapshot about to be activated
     * @throws IllegalArgumentException when that version no longer serves one of them
     */
    void pairAll(Deployment snapshot) {
        DeployedWorker callee = snapshot.worker(target);
        for (Class<?> type : Set.copyOf(proxies.keySet())) {
            for (Method method : type.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())) {
                    pairing(snapshot, callee, method, type);
                }
            }
        }
    }

    <T> T service(Class<T> type) {
        return type.cast(proxies.computeIfAbsent(type, this::proxy));
    }

    private Invocation invocation(DeployedWorker callee) {
        return Invocation.bound(target, callee.account(), callee.version(), name, caller);
    }

    /**
     * Creates the proxy of an interface and pairs its methods with the target's current
     * version at once, so that a mismatch is reported when the caller asks for the interface.
     */
    private Object proxy(Class<?> type) {
        checkInterface(type);
        RequestScope scope = CurrentScope.get();
        Deployment snapshot = scope != null ? scope.deployment() : invoker.visible();
        DeployedWorker callee = snapshot.worker(target);
        for (Method method : type.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                pairing(snapshot, callee, method, type);
                methods.put(method, type);
            }
        }
        String label = toString() + " as " + type.getName();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? local(proxy, method, args, label) : call(method, args));
    }

    private static Object local(Object proxy, Method method, Object[] args, String label) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> label;
        };
    }

    /** Pairs a method with the target's version in a snapshot; the snapshot caches it. */
    private RpcMethod pairing(Deployment snapshot, DeployedWorker callee, Method method,
            Class<?> type) {
        return snapshot.pairing(this, method, () -> RpcMethod.pair(this, method,
                served(callee, type), snapshot.rpcMapper()));
    }

    private void checkInterface(Class<?> type) {
        if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("Worker '" + caller + "' asked for binding '"
                    + name + "' as " + type.getName() + ", which is not a public interface; "
                    + "pass the public interface that worker '" + target + "' implements.");
        }
    }

    private Class<?> served(DeployedWorker callee, Class<?> type) {
        Class<?> worker = callee.worker().getClass();
        Class<?> served = RpcInterfaces.find(worker, type.getName());
        if (served == null) {
            throw new IllegalArgumentException("Worker '" + caller + "' asked for binding '"
                    + name + "' as " + type.getName() + ", but worker '" + target + "' ("
                    + worker.getName() + ") does not implement it; it serves "
                    + RpcInterfaces.names(worker) + ". Make " + worker.getName()
                    + " implement " + type.getName() + ", or bind a worker that does.");
        }
        return served;
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

    private void checkLimits(RequestScope scope) {
        boolean foreground = !CurrentScope.background();
        LimitExceededException expiry = foreground ? scope.expiry() : null;
        if (expiry != null) {
            throw new BindingException(target, expiry.kind(), expiry.getMessage());
        }
        if (foreground && scope.responded()) {
            throw new IllegalStateException("The binding '" + name + "' of worker '" + caller
                    + "' was called for request " + scope.requestId() + ", which has been "
                    + "answered already; call bindings before returning the response, or "
                    + "from a ctx.waitUntil task.");
        }
        RequestLimits limits = scope.limits();
        int max = limits == null ? Integer.MAX_VALUE : limits.maxInvocations();
        if (!scope.tryInvocation(max)) {
            var error = scope.violated(LimitErrors.invocations(limits, caller, name, target));
            throw new BindingException(target, error.kind(), error.getMessage());
        }
    }

    private BindingException failure(Exception e, RequestScope scope) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        var failure = new BindingException(target, kind(e), message(e));
        if (e instanceof LimitExceededException || scope.expiry() != null
                || e instanceof BindingException && Limit.ofKind(failure.kind()).isPresent()) {
            LOGGER.log(Level.DEBUG, () -> "Request " + scope.requestId() + ": " + e.getMessage());
        } else if (!scope.logged(e)) {
            LOGGER.log(Level.WARNING, () -> "Worker '" + target + "' failed in a call from '"
                    + caller + "' through binding '" + name + "' (request "
                    + scope.requestId() + ")", e);
        }
        scope.markLogged(failure);
        return failure;
    }

    private static String kind(Exception e) {
        return switch (e) {
            case BindingException nested -> nested.kind();
            case LimitExceededException limit -> limit.kind();
            default -> e.getClass().getSimpleName();
        };
    }

    private String message(Exception e) {
        if (e instanceof BindingException || e instanceof LimitExceededException) {
            return e.getMessage();
        }
        String detail = e.getMessage() == null ? "no message" : e.getMessage();
        return "The worker '" + target + "' failed with " + e.getClass().getSimpleName() + ": "
                + detail;
    }
}
