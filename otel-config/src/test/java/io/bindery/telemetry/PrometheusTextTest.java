package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private final PullMetricReader reader = new PullMetricReader();
    private final SdkMeterProvider provider =
            SdkMeterProvider.builder().registerMetricReader(reader).build();

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void rendersCountersWithTotalSuffixAndEscapedLabels() {
        var counter = provider.get("t").counterBuilder("bindery.requests.billed")
                .setUnit("{request}").setDescription("Requests billed.\nAll of them.").build();
        counter.add(3, Attributes.of(AttributeKey.stringKey("bindery.account"),
                "a\"b\\c\nd"));

        assertThat(PrometheusText.write(reader.collect())).isEqualTo(
                "# HELP bindery_requests_billed_total Requests billed.\\nAll of them.\n"
                + "# TYPE bindery_requests_billed_total counter\n"
                + "bindery_requests_billed_total{bindery_account=\"a\\\"b\\\\c\\nd\"} 3\n");
    }

    @Test
    void convertsMillisecondsToSecondsInSumsAndHistograms() {
        var meter = provider.get("t");
        meter.counterBuilder("bindery.billable").ofDoubles().setUnit("ms").build().add(1.5);
        var histogram = meter.histogramBuilder("bindery.billable.duration").setUnit("ms")
                .setExplicitBucketBoundariesAdvice(List.of(1.0, 10.0)).build();
        histogram.record(0.5);
        histogram.record(5);
        histogram.record(50);

        assertThat(PrometheusText.write(reader.collect())).contains(
                "# TYPE bindery_billable_seconds_total counter\n",
                "bindery_billable_seconds_total 0.0015\n",
                "# TYPE bindery_billable_duration_seconds histogram\n",
                "bindery_billable_duration_seconds_bucket{le=\"0.001\"} 1\n",
                "bindery_billable_duration_seconds_bucket{le=\"0.01\"} 2\n",
                "bindery_billable_duration_seconds_bucket{le=\"+Inf\"} 3\n",
                "bindery_billable_duration_seconds_sum 0.0555\n",
                "bindery_billable_duration_seconds_count 3\n");
    }

    @Test
    void rendersUpDownCountersAndGaugesAsGauges() {
        var meter = provider.get("t");
        meter.upDownCounterBuilder("queue.size").build().add(-2);
        meter.gaugeBuilder("heap.used").setUnit("By").buildWithCallback(m -> m.record(2.5));

        assertThat(PrometheusText.write(reader.collect())).contains(
                "# TYPE queue_size gauge\nqueue_size -2\n",
                "# TYPE heap_used_bytes gauge\nheap_used_bytes 2.5\n");
    }

    @Test
    void sanitisesNames() {
        assertThat(PrometheusText.sanitize("9lives.http-server/duration"))
                .isEqualTo("_lives_http_server_duration");
    }
}
