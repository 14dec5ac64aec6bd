package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentRecordsTest {

    @Test
    void keepsTheNewestRecordsNewestFirst() {
        var recent = RecentRecords.create(3);
        IntStream.range(0, 5).forEach(i -> recent.accept(record(i)));

        assertThat(recent.latest(10)).extracting(BillingRecord::traceId)
                .containsExactly(id(4), id(3), id(2));
        assertThat(recent.latest(2)).extracting(BillingRecord::traceId)
                .containsExactly(id(4), id(3));
        assertThat(recent.latest(0)).isEmpty();
        assertThat(recent.size()).isEqualTo(3);
    }

    @Test
    void findsByTraceIdIgnoringCase() {
        var recent = new RecentRecords(2);
        recent.accept(record(10));
        assertThat(recent.find(id(10).toUpperCase())).isPresent();
        assertThat(recent.find(id(11))).isEmpty();
        assertThat(recent.find(null)).isEmpty();
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> new RecentRecords(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    static BillingRecord record(int i) {
        return new BillingRecord(id(i), "demo", "api-gateway", "/getuser",
                "/getuser", "GET", 200, null,
                Instant.EPOCH, 10, 20, 5, Map.of("api-gateway", new WorkerUsage(1, 20)), 1, 0,
                3, true, null, List.of());
    }

    static String id(int i) {
        return String.format("%032x", 0xabc000 + i);
    }
}
