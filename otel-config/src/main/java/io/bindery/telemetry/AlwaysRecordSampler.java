package io.bindery.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.Objects;

/**
 * Wraps the configured sampler so that no span is dropped: a {@code DROP} decision becomes
 * {@code RECORD_ONLY}. The span is then recorded (processors see it, so billing is exact) but
 * stays unsampled (the batch processor exports only sampled spans, so export volume follows the
 * configured sampler). Attributes and trace state of the delegate's result are kept.
 *
 * <p>Thread-safe when the delegate is; {@link #shouldSample} never blocks beyond the delegate.
 */
public final class AlwaysRecordSampler implements Sampler {

    private final Sampler delegate;

    private AlwaysRecordSampler(Sampler delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps a sampler; wrapping twice returns the same wrapper.
     *
     * @param delegate the sampler that decides what is exported
     * @return a sampler that records every span
     */
    public static Sampler wrap(Sampler delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return delegate instanceof AlwaysRecordSampler ? delegate
                : new AlwaysRecordSampler(delegate);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name,
            SpanKind spanKind, Attributes attributes, List<LinkData> parentLinks) {
        var result = delegate.shouldSample(parentContext, traceId, name, spanKind, attributes,
                parentLinks);
        if (result.getDecision() != SamplingDecision.DROP) {
            return result;
        }
        if (result == SamplingResult.drop()) {
            return SamplingResult.recordOnly();
        }
        return new RecordOnly(result);
    }

    @Override
    public String getDescription() {
        return "AlwaysRecord{" + delegate.getDescription() + "}";
    }

    @Override
    public String toString() {
        return getDescription();
    }

    /** Keeps a dropped result's attributes and trace state, with the decision upgraded. */
    private record RecordOnly(SamplingResult dropped) implements SamplingResult {

        @Override
        public SamplingDecision getDecision() {
            return SamplingDecision.RECORD_ONLY;
        }

        @Override
        public Attributes getAttributes() {
            return dropped.getAttributes();
        }

        @Override
        public TraceState getUpdatedTraceState(TraceState parentTraceState) {
            return dropped.getUpdatedTraceState(parentTraceState);
        }
    }
}
