package io.bindery.worker;

/**
 * Creates a worker once, at start, for workers that are not a class of their own.
 *
 * <p>Name a factory class in the configuration where a worker class would go. The platform
 * calls {@link #create()} once and serves every request with the returned worker, which may be
 * a lambda. A factory class needs a public no-argument constructor.
 */
@FunctionalInterface
public interface WorkerFactory {

    /**
     * Creates the worker that serves all requests.
     *
     * @return the worker, never {@code null}
     */
    Worker create();
}
