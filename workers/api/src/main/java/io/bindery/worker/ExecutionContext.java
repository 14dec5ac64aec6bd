package io.bindery.worker;

import java.io.IOException;

/**
 * Gives one invocation of a worker access to per-request facilities of the platform.
 *
 * <p>Implemented by the platform. Methods may be called from any thread while the request or
 * one of its background tasks runs.
 */
public interface ExecutionContext {

    /**
     * Registers background work that may outlive the response.
     *
     * <p>The task starts at once on a new virtual thread. The platform keeps it running up to a
     * configured limit after the response, waits for it at shutdown, and bills its time to this
     * request.
     *
     * @param task the work to run
     */
    void waitUntil(BackgroundTask task);

    /**
     * Sends a request to the outside world over HTTP and waits for the whole response.
     *
     * <p>Each call counts as one subrequest of the incoming request.
     *
     * @param request the request, whose URL must be absolute ({@code http} or {@code https})
     * @return the upstream's response
     * @throws IOException when the upstream cannot be reached or does not answer in time
     */
    Response fetch(Request request) throws IOException;

    /**
     * Returns the id of the incoming request this invocation belongs to: its trace id when the
     * Bindery agent is attached, a random id of the same shape otherwise.
     *
     * @return 32 lowercase hexadecimal characters
     */
    String requestId();
}
