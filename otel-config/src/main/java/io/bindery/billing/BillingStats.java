package io.bindery.billing;

/**
 * Reports what a {@link BillingProcessor} has done since it was built; a point-in-time copy.
 *
 * @param recordsEmitted records handed to the sinks, complete or not
 * @param incompleteMaxAge records given up because the trace outlived the maximum trace age
 * @param incompleteMaxOpen records given up because too many traces were open at once
 * @param incompleteShutdown records emitted unfinished by {@code shutdown}
 * @param incompleteFlush records emitted unfinished by {@code forceFlush}
 * @param lateSpans span callbacks for traces already billed (ignored)
 * @param orphanSpans span callbacks for traces never opened by a request span, or ends of
 *     spans whose start was never seen (ignored)
 * @param duplicateSpans repeated {@code onStart} or {@code onEnd} of the same span (ignored)
 * @param droppedRecords deliveries lost because a sink threw
 * @param inlineDeliveries records built on the thread that ended the trace because the
 *     billing thread was too far behind (nothing lost, but that request paid for it)
 * @param internalErrors failures inside the processor, caught and counted
 * @param openTraces traces being followed now
 */
public record BillingStats(long recordsEmitted, long incompleteMaxAge, long incompleteMaxOpen,
        long incompleteShutdown, long incompleteFlush, long lateSpans, long orphanSpans,
        long duplicateSpans, long droppedRecords, long inlineDeliveries, long internalErrors,
        int openTraces) {

    /**
     * Returns all incomplete records, whatever the reason.
     *
     * @return the sum of the four incomplete counters
     */
    public long incomplete() {
        return incompleteMaxAge + incompleteMaxOpen + incompleteShutdown + incompleteFlush;
    }
}
