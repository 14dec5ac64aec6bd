package io.bindery.server.runtime;

import io.bindery.worker.KvNamespace;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the server's in-memory key-value namespaces by id, so that workers naming the same
 * namespace id share its data. Thread-safe.
 */
final class KvStore {

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, MemoryKvNamespace> namespaces = new ConcurrentHashMap<>();

    KvStore(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    KvNamespace namespace(String id) {
        return namespaces.computeIfAbsent(id, key -> new MemoryKvNamespace(key, clock,
                maxEntries));
    }
}
