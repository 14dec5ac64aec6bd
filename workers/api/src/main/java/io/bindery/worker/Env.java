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
