package io.bindery.billing;

/**
 * Describes what one worker used within one request.
 *
 * @param invocations the worker's invocations ({@code worker} spans), entry and bound
 * @param busyNanos the summed length of its {@code worker} and {@code background} spans, in
 *     nanoseconds; the {@code busyNanos} of all workers add up to the record's classic duration
 * @param version the worker's deployed version that served the request (its spans'
 *     {@code bindery.worker.version}), such as {@code 0} for the configuration file's entry;
 *     {@code null} when the spans carry none. A request runs on one version of each worker.
 */
public record WorkerUsage(int invocations, long busyNanos, String version) {

    /**
     * Describes the usage of a worker whose spans carry no version.
     *
     * @param invocations the worker's invocations
     * @param busyNanos its busy time in nanoseconds
     */
    public WorkerUsage(int invocations, long busyNanos) {
        this(invocations, busyNanos, null);
    }
}
