package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.billing.BillingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the billing file: one JSON line per record, all of them written by close. */
class BillingFileSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void closeWritesEveryAcceptedRecordAsOneJsonLine() throws IOException {
        Path file = dir.resolve("ledger/billing.jsonl");
        var sink = BillingFileSink.open(file);
        for (int i = 0; i < 500; i++) {
            sink.accept(record(i));
        }

        sink.close();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(500);
        assertThat(JSON.readTree(lines.get(7)).path("traceId").asText())
                .isEqualTo(traceId(7));
        assertThat(JSON.readTree(lines.get(7)).path("status").asInt()).isEqualTo(504);
        assertThat(sink.written()).isEqualTo(500);
    }

    @Test
    void reopeningAppends() throws IOException {
        Path file = dir.resolve("billing.jsonl");
        var counter = new AtomicInteger();
        for (int round = 0; round < 2; round++) {
            try (var sink = BillingFileSink.open(file)) {
                sink.accept(record(counter.getAndIncrement()));
            }
        }

        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    private static BillingRecord record(int i) {
        return new BillingRecord(traceId(i), "acme", "w", "/*", "/slow", "GET", 504, "504",
                Instant.EPOCH, 1_000, 2_000, 0, Map.of(), 0, 0, 2, true, null, List.of());
    }

    private static String traceId(int i) {
        return "%032x".formatted(i + 1);
    }
}
