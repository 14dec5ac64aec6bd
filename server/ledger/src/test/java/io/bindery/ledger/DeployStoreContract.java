package io.bindery.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link DeployStore} on either database; subclasses name the database. */
abstract class DeployStoreContract {

    static final Instant T0 = Instant.parse("2026-12-03T15:00:00Z");

    /** Returns settings of the database under test for a node; the same database per test. */
    abstract LedgerSettings settings(String node);

    private DeployStore store(String node) {
        return DeployStore.open(settings(node), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void numbersEachWorkersVersionsFromOneAndKeepsTheJar() throws Exception {
        var store = store("a");
        byte[] jar = "jar bytes v1".getBytes(StandardCharsets.UTF_8);

        StoredVersion first = store.store("hello", "abc123", "class: a.B\n", jar, "alice");
        StoredVersion second = store.store("hello", null, "class: a.C\n", new byte[] {1, 2},
                "bob");
        StoredVersion other = store.store("auth", null, "class: a.D\n", new byte[] {3}, "bob");

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(1);
        assertThat(first.sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(jar)));
        assertThat(store.jar("hello", 1)).isEqualTo(jar);
        assertThat(store.versions("hello")).containsExactly(first, second);
        assertThat(store.version("hello", 1)).contains(new StoredVersion("hello", 1, "abc123",
                first.sha256(), jar.length, "class: a.B\n", "alice", T0));
        assertThat(store.version("hello", 3)).isEmpty();
    }

    @Test
    void recordsEachUploadAsADeployEvent() {
        var store = store("a");
        store.store("hello", "v-one", "class: a.B\n", new byte[] {1}, "alice");

        List<DeployEvent> history = store.history("hello", 10);

        assertThat(history).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(DeployAction.DEPLOY);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.nodeId()).isEqualTo("a");
            assertThat(event.at()).isEqualTo(T0);
            assertThat(event.detail()).isEqualTo("v-one");
        });
    }

    @Test
    void refusesToReadAVersionThatWasNeverStored() {
        var store = store("a");

        assertThatThrownBy(() -> store.jar("hello", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No version 7 of hello is stored");
    }

    @Test
    void namesTheNewestActivationOfEachWorkerAsActive() {
        var store = store("a");
        store.record("hello", 1, DeployAction.ACTIVATE, "alice", null);
        store.record("hello", 2, DeployAction.ACTIVATE, "alice", null);
        store.record("hello", 3, DeployAction.REFUSED, "bob", "class: not found");
        store.record("auth", 1, DeployAction.ACTIVATE, "bob", null);
        store.record("auth", 0, DeployAction.ROLLBACK, "carol", null);
        store.record("login", 1, DeployAction.DEPLOY, "carol", null);

        var active = store.active();

        assertThat(active.keySet()).containsExactly("auth", "hello");
        assertThat(active.get("hello").version()).isEqualTo(2);
        assertThat(active.get("auth").version()).isZero();
        assertThat(active.get("auth").action()).isEqualTo(DeployAction.ROLLBACK);
        assertThat(active.get("auth").actor()).isEqualTo("carol");
    }

    @Test
    void listsHistoryNewestFirstWithinTheLimit() {
        var store = store("a");
        for (int i = 1; i <= 5; i++) {
            store.record(i % 2 == 0 ? "even" : "odd", i, DeployAction.ACTIVATE, "alice", null);
        }

        assertThat(store.history(null, 3)).extracting(DeployEvent::version)
                .containsExactly(5, 4, 3);
        assertThat(store.history("even", 10)).extracting(DeployEvent::version)
                .containsExactly(4, 2);
    }

    @Test
    void keepsVersionsAndEventsAcrossAReopen() {
        store("a").store("hello", null, "class: a.B\n", new byte[] {9}, "alice");
        store("a").record("hello", 1, DeployAction.ACTIVATE, "alice", null);

        var reopened = store("b");

        assertThat(reopened.versions("hello")).extracting(StoredVersion::version)
                .containsExactly(1);
        assertThat(reopened.active().get("hello").version()).isEqualTo(1);
    }

    @Test
    void migratesOnceWhileTheLedgerWriterStartsOnTheSameDatabase() {
        try (var ledger = Ledger.start(settings("a"))) {
            var store = store("a");
            store.store("hello", null, "class: a.B\n", new byte[] {1}, "alice");
            assertThat(ledger.storedCount()).isZero();
            assertThat(store.versions("hello")).hasSize(1);
        }
    }

    @Test
    void givesConcurrentUploadsFromTwoNodesDistinctConsecutiveNumbers() throws Exception {
        var nodes = List.of(store("a"), store("b"));
        int uploads = 24;
        var start = new CountDownLatch(1);
        var random = new Random(42);
        var tasks = new ArrayList<Callable<StoredVersion>>();
        for (int i = 0; i < uploads; i++) {
            DeployStore node = nodes.get(i % 2);
            byte[] jar = new byte[16 + random.nextInt(64)];
            random.nextBytes(jar);
            tasks.add(() -> {
                start.await();
                return node.store("hello", null, "class: a.B\n", jar, "ci");
            });
        }
        var stored = new ArrayList<StoredVersion>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<StoredVersion>>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            for (var future : futures) {
                stored.add(future.get());
            }
        }

        assertThat(stored).extracting(StoredVersion::version)
                .containsExactlyInAnyOrderElementsOf(numbers(uploads));
        for (StoredVersion version : stored) {
            assertThat(nodes.get(0).version("hello", version.version()).orElseThrow().sha256())
                    .isEqualTo(version.sha256());
        }
    }

    private static List<Integer> numbers(int count) {
        var numbers = new ArrayList<Integer>();
        for (int i = 1; i <= count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
