package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.server.config.Limits;
import io.bindery.server.config.WorkerLimits;
import io.bindery.server.config.WorkerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks how a worker's own limits override the top-level ones and name their key. */
class RequestLimitsTest {

    private static final Limits GLOBAL = Limits.defaults();

    @Test
    void entryWorkersBlockOverridesKeyByKey() {
        RequestLimits limits = RequestLimits.forEntry(GLOBAL, worker(new WorkerLimits(4, null,
                Duration.ofSeconds(2), null, 1024L, null)));

        assertThat(limits.maxInvocations()).isEqualTo(4);
        assertThat(limits.maxSubrequests()).isEqualTo(1_000);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.backgroundTaskTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.maxRequestBodySize()).isEqualTo(1024);
        assertThat(limits.maxHeaderCount()).isEqualTo(100);
    }

    @Test
    void configKeyNamesTheWorkerEntryOnlyForOverriddenLimits() {
        RequestLimits limits = RequestLimits.forEntry(GLOBAL, worker(new WorkerLimits(4, null,
                null, null, null, null)));

        assertThat(limits.configKey(Limit.INVOCATIONS))
                .isEqualTo("workers[3].limits.maxInvocations (worker 'gateway')");
        assertThat(limits.configKey(Limit.SUBREQUESTS)).isEqualTo("limits.maxSubrequests");
        assertThat(limits.howToRaise(Limit.SUBREQUESTS)).isEqualTo("raise limits."
                + "maxSubrequests in the configuration, or set maxSubrequests in the limits: "
                + "block of worker 'gateway' for the requests it enters");
        assertThat(RequestLimits.global(GLOBAL).howToRaise(Limit.HEADER_COUNT))
                .isEqualTo("raise limits.maxHeaderCount in the configuration");
    }

    @Test
    void messagesNameTheLimitItsValueAndItsKey() {
        RequestLimits limits = RequestLimits.global(GLOBAL);

        assertThat(LimitErrors.subrequests(limits, "w", "GET http://x/").getMessage())
                .contains("at most 1000 (limits.maxSubrequests)");
        assertThat(LimitErrors.requestBody(limits, "a Content-Length of 11000000 bytes"))
                .hasMessageContaining("10485760 bytes (10 MiB) (limits.maxRequestBodySize)")
                .satisfies(e -> assertThat(e.value()).isEqualTo("10485760"));
        assertThat(LimitErrors.requestTimeout(limits, "w").value()).isEqualTo("30s");
        assertThat(LimitErrors.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(LimitErrors.bytes(1000)).isEqualTo("1000 bytes");
    }

    @Test
    void everyLimitHasADistinctKind() {
        assertThat(List.of(Limit.values())).extracting(Limit::kind).doesNotHaveDuplicates();
        assertThat(Limit.ofKind("RequestTimeout")).contains(Limit.REQUEST_TIMEOUT);
        assertThat(Limit.ofKind("IllegalStateException")).isEmpty();
    }

    private static WorkerSpec worker(WorkerLimits own) {
        return new WorkerSpec("gateway", "x.Gateway", null, "acme", List.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), own,
                new WorkerSpec.Origin("test.yaml", "workers[3]", 1, 1));
    }
}
