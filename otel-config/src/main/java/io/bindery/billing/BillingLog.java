package io.bindery.billing;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports billing trouble without flooding the log: the first occurrence of each kind at
 * WARNING, then at most one INFO summary per period with the counts since the last one.
 */
final class BillingLog {

    private static final System.Logger LOGGER = System.getLogger(BillingProcessor.class.getName());

    private final AtomicBoolean maxAgeSeen = new AtomicBoolean();
    private final AtomicBoolean maxOpenSeen = new AtomicBoolean();
    private final AtomicBoolean sinkFailureSeen = new AtomicBoolean();
    private final AtomicBoolean internalErrorSeen = new AtomicBoolean();
    private final long periodNanos;
    private long lastSummaryTicks;
    private BillingStats lastSummary;

    BillingLog(long periodNanos, long nowTicks) {
        this.periodNanos = periodNanos;
        this.lastSummaryTicks = nowTicks;
    }

    void maxAge(String traceId, long maxAgeMillis) {
        if (maxAgeSeen.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, () -> "Billing gave up waiting for trace " + traceId
                    + " after " + maxAgeMillis + " ms and billed it incomplete (max-trace-age);"
                    + " a span was never ended. Further cases are summarised periodically.");
        }
    }

    void maxOpen(int maxOpenTraces) {
        if (maxOpenSeen.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, () -> "Billing follows more than " + maxOpenTraces
                    + " open traces; the oldest are billed incomplete (max-open-traces)."
                    + " Raise maxOpenTraces if this load is expected. Further cases are"
                    + " summarised periodically.");
        }
    }

    void sinkFailure(BillingSink sink, Throwable error) {
        if (sinkFailureSeen.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, "Billing sink " + sink + " threw; its record is dropped."
                    + " Further failures are only counted.", error);
        }
    }

    void internalError(Throwable error) {
        if (internalErrorSeen.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, "Billing processor failed on a span; the span is ignored."
                    + " Further failures are only counted.", error);
        }
    }

    /** Logs a summary if a period has passed and the trouble counts changed. */
    synchronized void summarise(BillingStats now, long nowTicks) {
        if (nowTicks - lastSummaryTicks < periodNanos) {
            return;
        }
        long before = lastSummary == null ? 0 : trouble(lastSummary);
        lastSummaryTicks = nowTicks;
        lastSummary = now;
        if (trouble(now) == before) {
            return;
        }
        LOGGER.log(Level.INFO, () -> "Billing totals: " + now.incompleteMaxAge()
                + " max-trace-age, " + now.incompleteMaxOpen() + " max-open-traces, "
                + now.droppedRecords() + " dropped records, " + now.lateSpans()
                + " late spans, " + now.internalErrors() + " internal errors, "
                + now.openTraces() + " traces open");
    }

    private static long trouble(BillingStats stats) {
        return stats.incompleteMaxAge() + stats.incompleteMaxOpen() + stats.droppedRecords()
                + stats.internalErrors();
    }
}
