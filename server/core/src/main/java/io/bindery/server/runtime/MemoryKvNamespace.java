package io.bindery.server.runtime;

import io.bindery.worker.KvNamespace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a key-value namespace in memory, with optional expiry per entry.
 *
 * <p>Thread-safe. Expired entries are never returned; they are removed lazily: when read,
 * and by a sweep that every {@value #SWEEP_EVERY}th write runs over at most
 * {@value #SWEEP_LIMIT} entries, resuming where the previous sweep stopped, so no write pays
 * for more than a bounded amount of clean-up. A namespace holds at most a configured number of
 * entries; a write past it first purges all expired entries, then fails.
 */
final class MemoryKvNamespace implements KvNamespace {

    static final int SWEEP_EVERY = 64;
    static final int SWEEP_LIMIT = 256;

    private final String id;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private Iterator<Map.Entry<String, Entry>> cursor;

    MemoryKvNamespace(String id, Clock clock, int maxEntries) {
        this.id = id;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.get(checkKey(key));
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expired(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public void put(String key, String value) {
        store(key, value, null);
    }

    @Override
    public void put(String key, String value, Duration timeToLive) {
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (!timeToLive.isPositive()) {
            throw new IllegalArgumentException("The time to live " + timeToLive + " for key '"
                    + key + "' is not positive; pass a positive duration, or use put(key, value)"
                    + " for a value that never expires.");
        }
        store(key, value, clock.instant().plus(timeToLive));
    }

    @Override
    public boolean delete(String key) {
        Entry removed = entries.remove(checkKey(key));
        return removed != null && !removed.expired(clock.instant());
    }

    /** @return the number of entries held, expired ones not yet purged included */
    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "KvNamespace[" + id + ", " + entries.size() + " entries]";
    }

    private void store(String key, String value, Instant expiresAt) {
        checkKey(key);
        Objects.requireNonNull(value, () -> "value for key '" + key + "'");
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(SWEEP_LIMIT);
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            purgeExpired();
            if (entries.size() >= maxEntries) {
                throw new IllegalStateException("The KV namespace '" + id + "' is full with "
                        + maxEntries + " entries; delete keys, give values a time to live, or "
                        + "raise limits.kvMaxEntries.");
            }
        }
        entries.put(key, new Entry(value, expiresAt));
    }

    /** Removes expired entries met among the next {@code limit} entries of the cursor. */
    void sweep(int limit) {
        if (!sweepLock.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (int seen = 0; seen < limit; seen++) {
                if (cursor == null || !cursor.hasNext()) {
                    cursor = entries.entrySet().iterator();
                    if (seen > 0 || !cursor.hasNext()) {
                        return;
                    }
                }
                var next = cursor.next();
                if (next.getValue().expired(now)) {
                    entries.remove(next.getKey(), next.getValue());
                }
            }
        } finally {
            sweepLock.unlock();
        }
    }

    /** Removes every expired entry; runs only when the namespace is full. */
    void purgeExpired() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(entry -> entry.getValue().expired(now));
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A KV key must not be empty; got '" + key + "'.");
        }
        return key;
    }

    /** A stored value and when it expires; {@code expiresAt} is null for never. */
    private record Entry(String value, Instant expiresAt) {

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
