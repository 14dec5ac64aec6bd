package io.bindery.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static PostgresCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        try (var ledger = Ledger.start(settings("setup"))) {
            ledger.storedCount();
        }
        cluster.execute("DELETE FROM billing_record");
    }

    private LedgerSettings settings(String node) {
        return LedgerSettings.of(cluster.jdbcUrl(), cluster.user(), null, dir.resolve(node),
                node);
    }

    @Test
    void storesARecordDeliveredTwiceOnce() {
        try (var ledger = Ledger.start(settings("a"))) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 500; i++) {
                    ledger.accept(Records.numbered(i, "acme", T0.plusMillis(i)));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.written() == 1_000);
            assertThat(ledger.storedCount()).isEqualTo(500);
        }
    }

    @Test
    void keepsEveryRecordWhileTheDatabaseIsDown() {
        var messages = new CopyOnWriteArrayList<String>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(Ledger.class.getName()).addHandler(handler);
        var ledger = Ledger.start(settings("a").withBatching(50, Duration.ofMillis(20), 200));
        try {
            send(ledger, 0, 1_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.written() == 1_000);
            cluster.stopServer();
            send(ledger, 1_000, 2_000);
            await().atMost(Duration.ofSeconds(30)).until(ledger::databaseDown);
            send(ledger, 2_000, 3_000);
            assertThat(ledger.spilled()).isPositive();
            cluster.startServer();
            send(ledger, 3_000, 4_000);
            await().atMost(Duration.ofSeconds(60)).until(() -> !ledger.databaseDown()
                    && ledger.storedCount() == 4_000);
        } finally {
            ledger.close();
            Logger.getLogger(Ledger.class.getName()).removeHandler(handler);
        }
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.storedCount()).isEqualTo(4_000);
        assertThat(messages).filteredOn(m -> m.contains("is unreachable")).singleElement()
                .asString().contains("after 1000 records written");
        assertThat(messages).filteredOn(m -> m.contains("is back after")).singleElement()
                .asString().containsPattern("; \\d+ spilled records replayed");
    }

    @Test
    void twoNodesSharingTheDatabaseReportTheSameTotals() {
        var query = new UsageQuery(null, T0, T0.plus(Duration.ofDays(1)), Duration.ofHours(1));
        try (var a = Ledger.start(settings("a")); var b = Ledger.start(settings("b"))) {
            send(a, 0, 300);
            send(b, 300, 500);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> a.written() == 300 && b.written() == 200);

            assertThat(a.usage(query)).isEqualTo(b.usage(query));
            assertThat(a.usage(query)).singleElement().extracting(UsageBucket::requests)
                    .isEqualTo(500L);
        }
    }

    private static void send(Ledger ledger, int from, int to) {
        for (int i = from; i < to; i++) {
            ledger.accept(Records.numbered(i, "acme", T0.plusMillis(i)));
        }
    }
}
