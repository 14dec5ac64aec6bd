package io.bindery.telemetry;

import io.bindery.billing.BillingProcessor;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.BillingSink;
import io.bindery.billing.BillingStats;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Publishes billing through the SDK's meter provider: billable and classic time in
 * milliseconds by account and entry worker, requests billed, and the processor's counters
 * (incomplete records by reason, dropped records, late and orphan spans, internal errors, open
 * traces) read at collection time. A {@link BillingSink}; thread-safe and non-blocking.
 */
final class BillingMetrics implements BillingSink {

    static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("bindery.account");
    static final AttributeKey<String> ENTRY_WORKER =
            AttributeKey.stringKey("bindery.entry_worker");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");

    private static final List<Double> BUCKETS_MS = List.of(0.5, 1.0, 2.5, 5.0, 10.0, 25.0,
            50.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0, 10_000.0, 30_000.0, 60_000.0);

    private final DoubleCounter billable;
    private final DoubleCounter classic;
    private final DoubleHistogram billableDuration;
    private final DoubleHistogram classicDuration;
    private final LongCounter requests;

    BillingMetrics(Meter meter, BillingProcessor processor) {
        billable = meter.counterBuilder("bindery.billable").ofDoubles().setUnit("ms")
                .setDescription("Flattened billable time: the union of busy intervals.").build();
        classic = meter.counterBuilder("bindery.classic").ofDoubles().setUnit("ms")
                .setDescription("Classic time: busy intervals summed per invocation.").build();
        billableDuration = histogram(meter, "bindery.billable.duration",
                "Flattened billable time per request.");
        classicDuration = histogram(meter, "bindery.classic.duration",
                "Classic time per request.");
        requests = meter.counterBuilder("bindery.requests.billed").setUnit("{request}")
                .setDescription("Requests billed, complete or not.").build();
        observeProcessor(meter, processor);
    }

    @Override
    public void accept(BillingRecord record) {
        var attributes = Attributes.of(ACCOUNT, orNone(record.account()),
                ENTRY_WORKER, orNone(record.entryWorker()));
        double flattenedMs = record.flattenedNanos() / 1e6;
        double classicMs = record.classicNanos() / 1e6;
        billable.add(flattenedMs, attributes);
        classic.add(classicMs, attributes);
        billableDuration.record(flattenedMs, attributes);
        classicDuration.record(classicMs, attributes);
        requests.add(1, attributes);
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description) {
        return meter.histogramBuilder(name).setUnit("ms").setDescription(description)
                .setExplicitBucketBoundariesAdvice(BUCKETS_MS).build();
    }

    private static void observeProcessor(Meter meter, BillingProcessor processor) {
        meter.counterBuilder("bindery.billing.incomplete").setUnit("{record}")
                .setDescription("Records billed before every span ended, by reason.")
                .buildWithCallback(m -> incomplete(m, processor.stats()));
        counter(meter, "bindery.billing.dropped", "{record}",
                "Record deliveries lost because a sink failed.", processor,
                BillingStats::droppedRecords);
        counter(meter, "bindery.billing.late_spans", "{span}",
                "Spans of already billed traces, ignored.", processor, BillingStats::lateSpans);
        counter(meter, "bindery.billing.orphan_spans", "{span}",
                "Spans of traces never opened by a request span, ignored.", processor,
                BillingStats::orphanSpans);
        counter(meter, "bindery.billing.errors", "{error}",
                "Failures inside the billing processor, caught.", processor,
                BillingStats::internalErrors);
        meter.gaugeBuilder("bindery.billing.open_traces").ofLongs().setUnit("{trace}")
                .setDescription("Traces billing follows now.")
                .buildWithCallback(m -> m.record(processor.openTraces()));
    }

    private static void counter(Meter meter, String name, String unit, String description,
            BillingProcessor processor, ToLongFunction<BillingStats> value) {
        meter.counterBuilder(name).setUnit(unit).setDescription(description)
                .buildWithCallback(m -> m.record(value.applyAsLong(processor.stats())));
    }

    private static void incomplete(ObservableLongMeasurement m, BillingStats stats) {
        m.record(stats.incompleteMaxAge(),
                Attributes.of(REASON, BillingProcessor.MAX_TRACE_AGE));
        m.record(stats.incompleteMaxOpen(),
                Attributes.of(REASON, BillingProcessor.MAX_OPEN_TRACES));
        m.record(stats.incompleteShutdown(), Attributes.of(REASON, BillingProcessor.SHUTDOWN));
        m.record(stats.incompleteFlush(), Attributes.of(REASON, BillingProcessor.FLUSH));
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
