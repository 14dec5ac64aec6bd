package io.bindery.ledger;

import io.bindery.billing.BillingRecord;
import io.bindery.billing.WorkerUsage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the figures of one billing record that the ledger stores: everything but the
 * timeline, plus the node that billed it. Also the shape of one spill-file line.
 *
 * @param traceId the trace id
 * @param startNanos the request's start in epoch nanoseconds; with the trace id, the key
 * @param account the account, null if unrouted
 * @param entryWorker the entry worker, null if unrouted
 * @param route the route pattern, null if unrouted
 * @param method the HTTP method, null if unknown
 * @param status the HTTP status, 0 if unknown
 * @param flattenedNanos the flattened billable duration
 * @param classicNanos the classic duration
 * @param awaitingNanos the time awaiting external I/O
 * @param workers usage per worker name
 * @param bindingCalls the binding calls
 * @param subrequests the outbound fetches
 * @param spanCount the spans in the trace
 * @param complete whether every span had ended
 * @param incompleteReason why not, null when complete
 * @param nodeId the node that billed the request
 */
record LedgerEntry(String traceId, long startNanos, String account, String entryWorker,
        String route, String method, int status, long flattenedNanos, long classicNanos,
        long awaitingNanos, Map<String, WorkerUsage> workers, int bindingCalls,
        int subrequests, int spanCount, boolean complete, String incompleteReason,
        String nodeId) {

    LedgerEntry {
        workers = workers == null ? Map.of() : new LinkedHashMap<>(workers);
    }

    static LedgerEntry of(BillingRecord record, String nodeId) {
        Instant start = record.start() == null ? Instant.EPOCH : record.start();
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        return new LedgerEntry(record.traceId(), startNanos, record.account(),
                record.entryWorker(), record.route(), record.method(), record.status(),
                record.flattenedNanos(), record.classicNanos(),
                record.awaitingExternalNanos(), record.workers(), record.bindingCalls(),
                record.subrequests(), record.spanCount(), record.complete(),
                record.incompleteReason(), nodeId);
    }

    long startMillis() {
        return Math.floorDiv(startNanos, 1_000_000L);
    }
}
