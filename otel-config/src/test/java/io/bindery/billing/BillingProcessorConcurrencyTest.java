package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs many traces at once on many threads and checks each is billed exactly once. */
class BillingProcessorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int TRACES_PER_THREAD = 1_500;

    @Test
    void billsEveryTraceExactlyOnceUnderConcurrency() throws Exception {
        var sink = new RecordingSink();
        var processor = BillingProcessor.builder().addSink(sink).queueCapacity(64).build();
        var provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
        var tracer = provider.get("test");
        var expected = new ConcurrentHashMap<String, Long>();
        var handOff = new ConcurrentLinkedQueue<Runnable>();
        var pool = Executors.newFixedThreadPool(THREADS);
        var done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            pool.execute(() -> {
                try {
                    runTraces(new Random(seed), tracer, expected, handOff, processor);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        for (Runnable end; (end = handOff.poll()) != null; ) {
            end.run();
        }
        processor.forceFlush().join(30, TimeUnit.SECONDS);
        pool.shutdownNow();

        assertThat(expected).hasSize(THREADS * TRACES_PER_THREAD);
        assertThat(sink.byTrace.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((traceId, flattened) -> {
            var records = sink.of(traceId);
            assertThat(records).as(traceId).hasSize(1);
            assertThat(records.get(0).complete()).as(traceId).isTrue();
            assertThat(records.get(0).flattenedNanos()).as(traceId).isEqualTo(flattened);
        });
        assertThat(processor.openTraces()).isZero();
        assertThat(processor.stats().internalErrors()).isZero();
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** Starts traces and ends their spans; some ends are handed to whichever thread is next. */
    private static void runTraces(Random random, io.opentelemetry.api.trace.Tracer tracer,
            ConcurrentHashMap<String, Long> expected, ConcurrentLinkedQueue<Runnable> handOff,
            BillingProcessor processor) {
        for (int i = 0; i < TRACES_PER_THREAD; i++) {
            var plan = TracePlan.random(random);
            List<Span> spans = plan.start(tracer);
            expected.put(spans.get(0).getSpanContext().getTraceId(), plan.flattened());
            var order = new ArrayList<Integer>();
            for (int s = 0; s < spans.size(); s++) {
                order.add(s);
            }
            Collections.shuffle(order, random);
            for (int index : order) {
                if (random.nextInt(3) == 0) {
                    handOff.add(() -> endTwice(plan, spans, index, processor));
                } else {
                    endTwice(plan, spans, index, processor);
                }
            }
            for (Runnable end; random.nextBoolean() && (end = handOff.poll()) != null; ) {
                end.run();
            }
        }
    }

    private static void endTwice(TracePlan plan, List<Span> spans, int index,
            BillingProcessor processor) {
        plan.end(spans, index);
        processor.onEnd((ReadableSpan) spans.get(index));
    }
}
