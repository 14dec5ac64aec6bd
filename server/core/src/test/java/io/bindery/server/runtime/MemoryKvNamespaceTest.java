package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.worker.KvNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryKvNamespaceTest {

    private final TestClock clock = new TestClock();

    @Test
    void storesAndDeletesValues() {
        KvNamespace kv = new MemoryKvNamespace("test", clock, 10);

        kv.put("a", "1");
        kv.put("a", "2");

        assertThat(kv.get("a")).contains("2");
        assertThat(kv.delete("a")).isTrue();
        assertThat(kv.delete("a")).isFalse();
        assertThat(kv.get("a")).isEmpty();
    }

    @Test
    void valueExpiresAfterItsTimeToLive() {
        var kv = new MemoryKvNamespace("test", clock, 10);
        kv.put("token", "alice", Duration.ofHours(1));

        clock.advance(Duration.ofMinutes(59));
        assertThat(kv.get("token")).contains("alice");

        clock.advance(Duration.ofMinutes(1));
        assertThat(kv.get("token")).isEmpty();
        assertThat(kv.size()).as("purged when read").isZero();
        assertThat(kv.delete("token")).isFalse();
    }

    @Test
    void expiredEntriesArePurgedByBoundedSweepsDuringWrites() {
        var kv = new MemoryKvNamespace("test", clock, 100_000);
        for (int i = 0; i < 1_000; i++) {
            kv.put("old" + i, "x", Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(2));

        for (int i = 0; i < MemoryKvNamespace.SWEEP_EVERY; i++) {
            kv.put("new" + i, "y");
        }

        int purged = 1_000 + MemoryKvNamespace.SWEEP_EVERY - kv.size();
        assertThat(purged).as("one sweep purges some, but at most its limit")
                .isPositive().isLessThanOrEqualTo(MemoryKvNamespace.SWEEP_LIMIT);
    }

    @Test
    void fullNamespacePurgesExpiredEntriesThenRefusesNewKeys() {
        var kv = new MemoryKvNamespace("sessions", clock, 3);
        kv.put("a", "1", Duration.ofSeconds(1));
        kv.put("b", "2");
        kv.put("c", "3");
        clock.advance(Duration.ofSeconds(1));

        kv.put("d", "4");
        kv.put("b", "replaced");

        assertThat(kv.get("d")).contains("4");
        assertThat(kv.get("b")).contains("replaced");
        assertThatThrownBy(() -> kv.put("e", "5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'sessions' is full with 3 entries")
                .hasMessageContaining("limits.kvMaxEntries");
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        var kv = new MemoryKvNamespace("test", clock, 3);

        assertThatThrownBy(() -> kv.put("k", "v", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive");
        assertThatThrownBy(() -> kv.get(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namespacesWithTheSameIdShareTheirData() {
        var store = new KvStore(clock, 10);

        store.namespace("sessions").put("t", "alice");

        assertThat(store.namespace("sessions").get("t")).contains("alice");
        assertThat(store.namespace("other").get("t")).isEmpty();
    }

    @Test
    void concurrentWritersAndReadersSeeOnlyWrittenValues() throws Exception {
        var kv = new MemoryKvNamespace("test", clock, 1_000_000);
        var written = ConcurrentHashMap.<String>newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < 16; worker++) {
                var random = new Random(worker);
                int id = worker;
                futures.add(executor.submit(() -> work(kv, written, random, id)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(kv.size()).isLessThanOrEqualTo(written.size());
    }

    private static Void work(KvNamespace kv, java.util.Set<String> written, Random random,
            int id) {
        for (int i = 0; i < 2_000; i++) {
            String key = "k" + random.nextInt(500);
            switch (random.nextInt(3)) {
                case 0 -> {
                    String value = id + ":" + i;
                    written.add(value);
                    kv.put(key, value, Duration.ofMinutes(1));
                }
                case 1 -> kv.get(key).ifPresent(value ->
                        assertThat(written).contains(value));
                default -> kv.delete(key);
            }
        }
        return null;
    }
}
