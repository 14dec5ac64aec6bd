package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlwaysRecordSamplerTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void turnsDropIntoRecordOnly() {
        var sampler = AlwaysRecordSampler.wrap(Sampler.traceIdRatioBased(0));
        assertThat(decide(sampler)).isEqualTo(SamplingDecision.RECORD_ONLY);
        assertThat(decide(AlwaysRecordSampler.wrap(Sampler.alwaysOff())))
                .isEqualTo(SamplingDecision.RECORD_ONLY);
        assertThat(sampler.getDescription()).startsWith("AlwaysRecord{TraceIdRatioBased");
    }

    @Test
    void keepsSampledDecisions() {
        var sampler = AlwaysRecordSampler.wrap(Sampler.alwaysOn());
        assertThat(decide(sampler)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(AlwaysRecordSampler.wrap(sampler)).isSameAs(sampler);
    }

    private static SamplingDecision decide(Sampler sampler) {
        return sampler.shouldSample(Context.root(), TRACE_ID, "x", SpanKind.INTERNAL,
                Attributes.empty(), List.of()).getDecision();
    }
}
