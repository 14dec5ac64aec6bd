package io.bindery.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the most recent billing records in memory for the admin API.
 *
 * <p>Holds at most {@link #capacity()} records (default 1,000) and forgets the oldest first.
 * All methods are thread-safe; {@link #accept} is a short critical section and never blocks on
 * I/O.
 */
public final class RecentRecords implements BillingSink {

    /** The window used when none is given. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private final int capacity;
    private final LinkedHashMap<String, BillingRecord> byTrace;

    /**
     * Creates a window of the given size.
     *
     * @param capacity the number of records to keep, at least 1
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public RecentRecords(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("RecentRecords capacity must be at least 1, got "
                    + capacity + "; pass a positive window such as 1000.");
        }
        this.capacity = capacity;
        this.byTrace = new LinkedHashMap<>(Math.min(capacity, 4096) * 2);
    }

    /**
     * Creates a window of the given size.
     *
     * @param capacity the number of records to keep, at least 1
     * @return a new, empty window
     */
    public static RecentRecords create(int capacity) {
        return new RecentRecords(capacity);
    }

    @Override
    public void accept(BillingRecord record) {
        synchronized (byTrace) {
            byTrace.remove(record.traceId());
            byTrace.put(record.traceId(), record);
            if (byTrace.size() > capacity) {
                byTrace.pollFirstEntry();
            }
        }
    }

    /**
     * Returns the newest records, newest first.
     *
     * @param limit the most records to return; 0 or less returns none
     * @return an immutable list of at most {@code limit} records
     */
    public List<BillingRecord> latest(int limit) {
        var result = new ArrayList<BillingRecord>(Math.max(0, Math.min(limit, capacity)));
        synchronized (byTrace) {
            for (var record : byTrace.sequencedValues().reversed()) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(record);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Finds the record of one trace, if it is still in the window.
     *
     * @param traceId the trace id, 32 hex digits; case is ignored
     * @return the record, or empty if unknown or already forgotten
     */
    public Optional<BillingRecord> find(String traceId) {
        if (traceId == null) {
            return Optional.empty();
        }
        synchronized (byTrace) {
            return Optional.ofNullable(byTrace.get(traceId.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Returns how many records the window holds now.
     *
     * @return the current size, at most {@link #capacity()}
     */
    public int size() {
        synchronized (byTrace) {
            return byTrace.size();
        }
    }

    /**
     * Returns the window's size limit.
     *
     * @return the capacity given at construction
     */
    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "RecentRecords{capacity=" + capacity + ", size=" + size() + "}";
    }
}
