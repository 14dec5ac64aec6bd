package io.bindery.billing;

/**
 * Describes what one worker used within one request.
 *
 * @param invocations the worker's invocations ({@code worker} spans), entry and bound
 * @param busyNanos the summed length of its {@code worker} and {@code background} spans, in
 *     nanoseconds; the {@code busyNanos} of all workers add up to the record's classic duration
 */
public record WorkerUsage(int invocations, long busyNanos) {
}
