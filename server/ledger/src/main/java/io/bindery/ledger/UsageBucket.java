package io.bindery.ledger;

import java.time.Instant;

/**
 * Holds the usage summed over one time bucket.
 *
 * @param start the bucket's start (inclusive)
 * @param requests the number of billed requests
 * @param flattenedNanos the summed flattened billable duration, in nanoseconds
 * @param classicNanos the summed classic duration, in nanoseconds
 * @param awaitingNanos the summed time awaiting external I/O, in nanoseconds
 */
public record UsageBucket(Instant start, long requests, long flattenedNanos,
        long classicNanos, long awaitingNanos) {

    /** @return classic minus flattened, in nanoseconds */
    public long savingsNanos() {
        return classicNanos - flattenedNanos;
    }
}
