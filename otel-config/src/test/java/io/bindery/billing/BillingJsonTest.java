package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesDurationsAsDecimalMillisecondsAndExactNanos() throws Exception {
        var json = mapper.readTree(BillingJson.detail(record()));

        assertThat(json.get("traceId").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(json.get("start").asText()).isEqualTo("2023-11-14T22:13:20.000000001Z");
        assertThat(json.get("flattenedMs").decimalValue()).isEqualByComparingTo("1.234567");
        assertThat(json.get("flattenedNanos").asLong()).isEqualTo(1_234_567);
        assertThat(json.get("classicMs").decimalValue()).isEqualByComparingTo("2");
        assertThat(json.get("savingsNanos").asLong()).isEqualTo(765_433);
        assertThat(json.get("awaitingExternalMs").decimalValue())
                .isEqualByComparingTo("0.000001");
        assertThat(json.get("workers").get("auth").get("invocations").asInt()).isEqualTo(1);
        assertThat(json.get("workers").get("auth").get("busyNanos").asLong())
                .isEqualTo(2_000_000);
        assertThat(json.get("incompleteReason").isNull()).isTrue();
        var span = json.get("timeline").get(0);
        assertThat(span.get("kind").asText()).isEqualTo("worker");
        assertThat(span.get("startOffsetMs").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(span.get("durationNanos").asLong()).isEqualTo(2_000_000);
        assertThat(span.get("parentSpanId").asText()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void listsSummariesWithoutTimelines() throws Exception {
        var json = mapper.readTree(BillingJson.list(List.of(record(), record())));
        assertThat(json.get("count").asInt()).isEqualTo(2);
        assertThat(json.get("records")).hasSize(2);
        assertThat(json.get("records").get(0).has("timeline")).isFalse();
        assertThat(BillingJson.detail(record())).doesNotContain("E-");
    }

    private static BillingRecord record() {
        var workers = new LinkedHashMap<String, WorkerUsage>();
        workers.put("auth", new WorkerUsage(1, 2_000_000));
        var span = new TimelineSpan("b7ad6b7169203331", "00f067aa0ba902b7", "worker auth",
                "auth", "worker", 500_000, 2_000_000, "OK");
        return new BillingRecord("0af7651916cd43dd8448eb211c80319c", "demo", "api-gateway",
                "/*", "/getuser", "GET", 200, null, Instant.ofEpochSecond(1_700_000_000L, 1),
                1_234_567, 2_000_000, 1, workers, 0, 0, 2, true, null, List.of(span));
    }
}
