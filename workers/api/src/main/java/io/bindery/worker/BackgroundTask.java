package io.bindery.worker;

/**
 * Runs background work registered with {@link ExecutionContext#waitUntil(BackgroundTask)}.
 *
 * <p>The task runs on a virtual thread of its own and may outlive the response. Its time, from
 * registration to completion, is billed to the request that registered it.
 */
@FunctionalInterface
public interface BackgroundTask {

    /**
     * Does the work. An exception is logged with the worker's name and otherwise ignored.
     *
     * @throws Exception any failure
     */
    void run() throws Exception;
}
