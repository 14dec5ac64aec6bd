package io.bindery.worker;

/**
 * Calls another worker in-process: a capability named in this worker's configuration.
 *
 * <p>Implemented by the platform. A call runs the target worker's handler on the caller's own
 * thread, with no socket and no serialization, and returns its response.
 */
public interface ServiceBinding {

    /**
     * Runs the target worker with the given request and returns its response.
     *
     * @param request the request to hand over; it is immutable, so the caller may keep using it
     * @return the target worker's response
     * @throws BindingException when the target worker throws, or a platform limit is reached
     */
    Response fetch(Request request);

    /**
     * Returns the name of this binding, as this worker's configuration spells it.
     *
     * @return the binding name
     */
    String name();

    /**
     * Returns the name of the worker this binding calls.
     *
     * @return the target worker's name
     */
    String target();
}
