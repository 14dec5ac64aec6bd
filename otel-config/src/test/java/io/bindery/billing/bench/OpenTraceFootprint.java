package io.bindery.billing.bench;

import io.bindery.billing.BillingProcessor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures the heap the billing processor keeps per open trace: N traces whose request span
 * stays open, each with K ended children, with the billing processor and with a no-op
 * processor (so the SDK records the same spans); the difference divided by N. Run in its own
 * JVM with {@code -XX:+UseSerialGC} for a steady heap reading.
 */
public final class OpenTraceFootprint {

    private static final int TRACES = 20_000;

    private OpenTraceFootprint() {
    }

    /**
     * Prints bytes per open trace for 0 and 10 ended children, and the cost per span entry.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        retained(true, 2);
        retained(false, 2);
        double empty = perTrace(0);
        double ten = perTrace(10);
        System.out.printf(Locale.ROOT, "| open trace, request span only | %.0f B |%n", empty);
        System.out.printf(Locale.ROOT, "| open trace, request + 10 ended spans | %.0f B |%n",
                ten);
        System.out.printf(Locale.ROOT, "| each ended span of an open trace | %.0f B |%n",
                (ten - empty) / 10);
    }

    private static double perTrace(int children) {
        long with = retained(true, children);
        long without = retained(false, children);
        return (double) (with - without) / TRACES;
    }

    private static long retained(boolean billing, int children) {
        var provider = billing ? SdkTracerProvider.builder()
                .addSpanProcessor(BillingProcessor.builder().maxOpenTraces(TRACES * 2).build())
                .build() : Setups.provider("noop");
        var tracer = provider.get("io.bindery.agent");
        var open = new ArrayList<Span>(TRACES);
        long before = usedAfterGc();
        for (int i = 0; i < TRACES; i++) {
            var request = RequestTraces.startRequest(tracer);
            RequestTraces.endedChildren(tracer, request, children);
            open.add(request);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(open);
        open.forEach(Span::end);
        provider.shutdown().join(10, TimeUnit.SECONDS);
        return after - before;
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
