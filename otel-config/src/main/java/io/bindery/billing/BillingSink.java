package io.bindery.billing;

/**
 * Receives each billing record once, when its trace is complete or given up.
 *
 * <p>Implementations must be thread-safe, must return quickly and must not block: they may be
 * called from the billing thread or, when its queue is full, from the thread that ended the
 * trace's last span. An exception thrown by a sink is caught, counted as a dropped record and
 * logged once; it never reaches the application.
 */
@FunctionalInterface
public interface BillingSink {

    /**
     * Accepts one record.
     *
     * @param record the record, never null
     */
    void accept(BillingRecord record);
}
