package io.bindery.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * Asks for usage over a time range, summed per step.
 *
 * @param account the account to sum, or {@code null} for all accounts (unrouted included)
 * @param from the inclusive start, on a step boundary (UTC)
 * @param to the exclusive end
 * @param step the bucket length: one hour or one day; buckets start at multiples of it from
 *     the epoch, so hours and days are UTC hours and days
 */
public record UsageQuery(String account, Instant from, Instant to, Duration step) {

    /** Checks the range. */
    public UsageQuery {
        if (!from.isBefore(to) || !step.isPositive()) {
            throw new IllegalArgumentException("The range " + from + " to " + to + " with step "
                    + step + " is empty; 'from' must be before 'to'.");
        }
    }
}
