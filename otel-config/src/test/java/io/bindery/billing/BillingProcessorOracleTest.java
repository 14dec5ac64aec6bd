package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the processor against a brute-force oracle on 500 random span trees: parallel
 * children, background spans outliving the request, ends in random order on several threads,
 * repeated {@code onStart} and {@code onEnd} deliveries.
 */
class BillingProcessorOracleTest {

    private static final RecordingSink SINK = new RecordingSink();
    private static BillingProcessor processor;
    private static SdkTracerProvider provider;
    private static Tracer tracer;
    private static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        processor = BillingProcessor.builder().addSink(SINK).build();
        provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
        tracer = provider.get("test");
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void billsRandomTreesExactlyLikeTheOracle(long seed) throws Exception {
        var random = new Random(seed);
        var plan = TracePlan.random(random);
        var spans = plan.start(tracer);
        redeliverStarts(random, spans);
        endInRandomOrderOnManyThreads(random, plan, spans);
        redeliverEnds(random, spans);
        processor.forceFlush().join(10, TimeUnit.SECONDS);

        var traceId = spans.get(0).getSpanContext().getTraceId();
        var records = SINK.of(traceId);
        assertThat(records).as("records of seed %d", seed).hasSize(1);
        var record = records.get(0);
        assertThat(record.complete()).as("complete, seed %d", seed).isTrue();
        assertThat(record.flattenedNanos()).as("flattened, seed %d", seed)
                .isEqualTo(plan.flattened());
        assertThat(record.classicNanos()).as("classic, seed %d", seed).isEqualTo(plan.classic());
        assertThat(record.awaitingExternalNanos()).as("awaiting, seed %d", seed)
                .isEqualTo(plan.awaitingExternal());
        assertThat(record.savingsNanos()).isEqualTo(plan.classic() - plan.flattened());
        assertThat(record.workers()).as("workers, seed %d", seed)
                .containsExactlyInAnyOrderEntriesOf(plan.workers());
        assertThat(record.bindingCalls()).isEqualTo(plan.count("binding"));
        assertThat(record.subrequests()).isEqualTo(plan.count("http"));
        assertThat(record.spanCount()).isEqualTo(plan.spans.size());
        assertRequestFields(record, plan);
        assertTimeline(record, plan);
    }

    private static void assertRequestFields(BillingRecord record, TracePlan plan) {
        assertThat(record.account()).isEqualTo("demo");
        assertThat(record.entryWorker()).isEqualTo("api-gateway");
        assertThat(record.route()).isEqualTo("/getuser");
        assertThat(record.path()).isEqualTo("/getuser");
        assertThat(record.errorType()).isNull();
        assertThat(record.method()).isEqualTo("GET");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.start().getEpochSecond() * 1_000_000_000L + record.start().getNano())
                .isEqualTo(TracePlan.BASE);
        assertThat(record.incompleteReason()).isNull();
    }

    private static void assertTimeline(BillingRecord record, TracePlan plan) {
        var timeline = record.timeline();
        assertThat(timeline).hasSize(plan.spans.size());
        assertThat(timeline.get(0).kind()).isEqualTo("request");
        assertThat(timeline.get(0).parentSpanId()).isNull();
        assertThat(timeline.get(0).startOffsetNanos()).isZero();
        assertThat(timeline).isSortedAccordingTo(
                (a, b) -> Long.compare(a.startOffsetNanos(), b.startOffsetNanos()));
        assertThat(timeline).allSatisfy(span -> assertThat(span.ended()).isTrue());
        long planned = plan.spans.stream().mapToLong(p -> p.end() - p.start()).sum();
        assertThat(timeline.stream().mapToLong(TimelineSpan::durationNanos).sum())
                .isEqualTo(planned);
    }

    private static void redeliverStarts(Random random, List<Span> spans) {
        for (var span : spans) {
            if (random.nextInt(5) == 0) {
                processor.onStart(Context.root(), (ReadWriteSpan) span);
            }
        }
    }

    private static void endInRandomOrderOnManyThreads(Random random, TracePlan plan,
            List<Span> spans) throws Exception {
        var order = new ArrayList<Integer>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int parts = 1 + random.nextInt(4);
        var futures = new ArrayList<Future<?>>();
        for (int part = 0; part < parts; part++) {
            var mine = new ArrayList<Integer>();
            for (int i = part; i < order.size(); i += parts) {
                mine.add(order.get(i));
            }
            futures.add(threads.submit(() -> mine.forEach(i -> plan.end(spans, i))));
        }
        for (var future : futures) {
            future.get(10, TimeUnit.SECONDS);
        }
    }

    private static void redeliverEnds(Random random, List<Span> spans) {
        for (var span : spans) {
            if (random.nextInt(4) == 0) {
                processor.onEnd((ReadableSpan) span);
            }
        }
    }
}
