package io.bindery.worker;

import java.util.Optional;
import java.util.Set;

/**
 * Hands a worker the capabilities its configuration gives it: service bindings, variables,
 * secrets and key-value namespaces.
 *
 * <p>Implemented by the platform; one instance per worker, shared by all its invocations.
 */
public interface Env {

    /**
     * Returns the name of the worker this environment belongs to.
     *
     * @return the worker's name
     */
    String workerName();

    /**
     * Returns the service binding with the given name.
     *
     * @param name the binding name from this worker's configuration
     * @return the binding
     * @throws IllegalArgumentException when this worker declares no such binding; the message
     *     names the worker, the binding and the bindings it does have
     */
    ServiceBinding binding(String name);

    /**
     * Returns the names of all service bindings this worker declares.
     *
     * @return the binding names
     */
    Set<String> bindingNames();

    /**
     * Returns a typed view of a service binding: calls to its methods run the bound worker's
     * methods in-process, on the calling thread, like {@link ServiceBinding#fetch}.
     *
     * <p>The bound worker serves the interface by implementing an interface of the same name.
     * Arguments and results that both sides see from the same class loader and that are
     * immutable (strings, boxed primitives, {@code java.time} values, enums, records of such
     * types, and the API's {@code Request}, {@code Response} and {@code Headers}) are passed
     * as they are; records, enums, collections and beans of other loaders are copied as
     * JSON. Each call counts as one worker invocation, and a failure of the bound worker
     * reaches the caller as a {@link BindingException}.
     *
     * @param binding the binding name from this worker's configuration
     * @param type the public interface the bound worker serves
     * @param <T> the interface
     * @return a proxy implementing {@code type}; the same one for the same arguments
     * @throws IllegalArgumentException when this worker declares no such binding, when the
     *     bound worker does not implement {@code type}, or when a method's parameter or
     *     result cannot cross the binding; the message names the binding, the method and
     *     the fix
     */
    <T> T service(String binding, Class<T> type);

    /**
     * Returns a configured variable.
     *
     * @param name the variable's name
     * @return its value, or empty when the configuration does not set it
     */
    Optional<String> variable(String name);

    /**
     * Returns a secret, read from the environment variable the configuration names for it.
     *
     * @param name the secret's name in this worker's configuration
     * @return the secret's value
     * @throws IllegalArgumentException when this worker declares no such secret
     */
    String secret(String name);

    /**
     * Returns the key-value namespace bound under the given name.
     *
     * @param name the namespace binding's name from this worker's configuration
     * @return the namespace
     * @throws IllegalArgumentException when this worker declares no such namespace
     */
    KvNamespace kv(String name);
}
