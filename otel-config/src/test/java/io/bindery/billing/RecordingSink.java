package io.bindery.billing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects records by trace id, keeping every delivery so duplicates show. */
final class RecordingSink implements BillingSink {

    final ConcurrentHashMap<String, List<BillingRecord>> byTrace = new ConcurrentHashMap<>();

    @Override
    public void accept(BillingRecord record) {
        byTrace.computeIfAbsent(record.traceId(), id -> new CopyOnWriteArrayList<>())
                .add(record);
    }

    List<BillingRecord> of(String traceId) {
        return byTrace.getOrDefault(traceId, List.of());
    }

    int deliveries() {
        return byTrace.values().stream().mapToInt(List::size).sum();
    }
}
