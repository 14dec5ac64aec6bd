package io.bindery.billing.bench;

import io.bindery.billing.BillingProcessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * Builds the tracer providers the benchmarks compare: {@code noop} (a processor that asks for
 * every start and end and does nothing: the SDK's own cost of recording spans; with no
 * processor at all the SDK records nothing), {@code batch} (the SDK's batch processor with a
 * no-op exporter), {@code billing}, and {@code batch+billing} (production).
 */
final class Setups {

    static final String[] ALL = {"noop", "batch", "billing", "batch+billing"};

    /** Counts what the batch processors export, to show how much they dropped. */
    static final NoopExporter EXPORTER = new NoopExporter();

    private Setups() {
    }

    static SdkTracerProvider provider(String setup) {
        var builder = SdkTracerProvider.builder();
        if (setup.equals("noop")) {
            builder.addSpanProcessor(new NoopProcessor());
        }
        if (setup.contains("batch")) {
            builder.addSpanProcessor(BatchSpanProcessor.builder(EXPORTER).build());
        }
        if (setup.contains("billing")) {
            builder.addSpanProcessor(BillingProcessor.builder().addSink(record -> { })
                    .build());
        }
        return builder.build();
    }

    /** Asks for every start and end and does nothing with them. */
    private static final class NoopProcessor implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return true;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    /** Accepts every batch, counts its spans and does nothing else. */
    static final class NoopExporter implements SpanExporter {
        private final LongAdder exported = new LongAdder();

        long exported() {
            return exported.sum();
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.add(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
