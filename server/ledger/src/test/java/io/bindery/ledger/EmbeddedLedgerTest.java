package io.bindery.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;

    private LedgerSettings settings() {
        return LedgerSettings.of(null, null, null, dir, "node-a");
    }

    @Test
    void storesARecordDeliveredTwiceOnce() {
        try (var ledger = Ledger.start(settings())) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 300; i++) {
                    ledger.accept(Records.numbered(i, "acme", T0.plusSeconds(i)));
                }
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ledger.written() == 600);
            assertThat(ledger.storedCount()).isEqualTo(300);
        }
    }

    @Test
    void keepsRecordsWrittenBeforeAGracefulStop() {
        try (var ledger = Ledger.start(settings())) {
            for (int i = 0; i < 1_000; i++) {
                ledger.accept(Records.numbered(i, "acme", T0.plusMillis(i)));
            }
        }
        try (var reopened = Ledger.start(settings())) {
            assertThat(reopened.storedCount()).isEqualTo(1_000);
        }
    }

    @Test
    void keepsRowsWrittenUnderTheFirstSchemaAndStaysIdempotentAfterTheKeyMoves()
            throws Exception {
        var first = settings();
        Flyway.configure().dataSource(first.jdbcUrl(), first.user(), first.password())
                .locations("classpath:db/ledger").table("bindery_ledger_schema_history")
                .target("1").load().migrate();
        try (var connection = DriverManager.getConnection(first.jdbcUrl(), first.user(),
                first.password()); var insert = connection.createStatement()) {
            insert.execute("INSERT INTO billing_record VALUES ('" + Records.numbered(7, "acme",
                    T0).traceId() + "', " + T0.toEpochMilli() * 1_000_000 + ", "
                    + T0.toEpochMilli() + ", 'acme', 'gateway', '/*', 'GET', 200, 2000000, "
                    + "3000000, 1000000, 1000000, 1, 1, 4, TRUE, NULL, 'node-a', '{}')");
        }

        try (var ledger = Ledger.start(first)) {
            ledger.accept(Records.numbered(7, "acme", T0));
            ledger.accept(Records.numbered(8, "acme", T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.written() == 2);
            assertThat(ledger.storedCount()).isEqualTo(2);
        }
    }

    @Test
    void replaysASpillFileLeftByACrashAtStart() throws Exception {
        var spill = new SpillFile(dir, new ObjectMapper());
        var entries = new ArrayList<LedgerEntry>();
        for (int i = 0; i < 50; i++) {
            entries.add(LedgerEntry.of(Records.numbered(i, "acme", T0), "node-a"));
        }
        spill.append(entries);
        Files.writeString(spill.path(), "{\"traceId\":\"torn", StandardOpenOption.APPEND);

        try (var ledger = Ledger.start(settings())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.written() == 50);
            assertThat(ledger.storedCount()).isEqualTo(50);
        }
        assertThat(Files.list(dir).map(path -> path.getFileName().toString()))
                .noneMatch(name -> name.startsWith("ledger-spill"));
    }

    @Test
    void sumsUsagePerHourForOneAccount() {
        try (var ledger = Ledger.start(settings())) {
            for (int i = 0; i < 10; i++) {
                ledger.accept(Records.numbered(i, "acme", T0.plus(Duration.ofMinutes(15L * i))));
                ledger.accept(Records.numbered(100 + i, "other", T0));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.written() == 20);

            List<UsageBucket> hours = ledger.usage(new UsageQuery("acme", T0,
                    T0.plus(Duration.ofDays(1)), Duration.ofHours(1)));

            assertThat(hours).extracting(UsageBucket::requests).containsExactly(4L, 4L, 2L);
            assertThat(hours.get(0).start()).isEqualTo(T0);
            assertThat(hours.get(0).flattenedNanos()).isEqualTo(8_000_000);
            assertThat(hours.get(0).savingsNanos()).isEqualTo(4_000_000);
            List<UsageBucket> all = ledger.usage(new UsageQuery(null, T0,
                    T0.plus(Duration.ofDays(1)), Duration.ofDays(1)));
            assertThat(all).singleElement().extracting(UsageBucket::requests).isEqualTo(20L);
        }
    }

    @Test
    void writesAnAcceptedRecordWithinTheBatchInterval() {
        try (var ledger = Ledger.start(settings())) {
            ledger.accept(Records.numbered(0, "acme", T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.written() == 1);
            long worst = 0;
            for (int i = 1; i <= 20; i++) {
                long start = System.nanoTime();
                ledger.accept(Records.numbered(i, "acme", T0));
                int expected = i + 1;
                await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> ledger.written() == expected);
                worst = Math.max(worst, System.nanoTime() - start);
            }
            System.out.println("Ledger kill -9 window (accept to committed), worst of 20: "
                    + worst / 1_000_000 + " ms");
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void pricesRequestsAndGbSeconds() {
        Pricing pricing = Pricing.defaults();

        BigDecimal cost = pricing.cost(1_000_000, 8L * 1_000_000_000L);

        assertThat(cost).isEqualByComparingTo("0.3000125");
    }
}
