package io.bindery.billing.bench;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures spans per second through a real {@link SdkTracerProvider} for each of
 * {@link Setups#ALL}. Scores are per span: one invocation makes a whole request trace of
 * {@value RequestTraces#SPANS} spans.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpanProcessingBenchmark {

    /** Which span processors the tracer provider has. */
    @Param({"noop", "batch", "billing", "batch+billing"})
    public String processors;

    private SdkTracerProvider provider;
    private Tracer tracer;

    /** Builds the tracer provider for the chosen processors. */
    @Setup(Level.Trial)
    public void setUp() {
        provider = Setups.provider(processors);
        tracer = provider.get("io.bindery.agent");
    }

    /** Shuts the provider and its processors down. */
    @TearDown(Level.Trial)
    public void tearDown() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** Makes one request trace. */
    @Benchmark
    @OperationsPerInvocation(RequestTraces.SPANS)
    public void requestTrace() {
        RequestTraces.run(tracer);
    }
}
