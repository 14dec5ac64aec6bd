package io.bindery.soak;

import io.bindery.soak.ScenarioRun.Observed;
import io.bindery.soak.ServerUnderTest.BilledRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Decides a scenario: the checks every scenario shares (conservation, nothing open, nothing
 * dropped by billing, bounded heap and threads, a clean stop) plus the scenario's own, and
 * its line of figures.
 *
 * <p>Conservation, exactly: every answer that carries {@code traceresponse} went through the
 * dispatcher and must have exactly one billing record with that trace id and the same status;
 * every billing record must belong to such an answer, except at most one per request that got
 * no answer (the server may have billed what the client never read). Answers without
 * {@code traceresponse} were refused before dispatch (Helidon's 400 for a request line it
 * cannot parse, 414, and the 503 of {@code server.maxConcurrentRequests}); they are not billed,
 * are counted apart by status, and are allowed only with the statuses a scenario names.
 */
final class Verdicts {

    /** How much the heap after a full GC may grow over one scenario. */
    static final long HEAP_GROWTH_BOUND = 32L * 1024 * 1024;
    /** How many platform threads a scenario may leave behind. */
    static final int THREAD_GROWTH_BOUND = 16;

    /** The SDK batch processor's span counter; {@link #DROPPED} selects the dropped. */
    static final String SPAN_DROPS = "processedSpans_total";
    /** The label of dropped spans. */
    static final String DROPPED = "dropped=\"true\"";
    /** The OTLP exporter's counter of spans it tried to export. */
    static final String EXPORTED = "otlp_exporter_exported_total";
    /** The label of spans whose export failed. */
    static final String FAILED = "success=\"false\"";

    private static final double MIB = 1024.0 * 1024.0;

    private final Scenario scenario;
    private final Set<Integer> untracedAllowed;
    private final Function<Observed, List<Check>> own;
    private final Function<Observed, String> ownFigures;

    /**
     * Describes a scenario's expectations.
     *
     * @param scenario the scenario
     * @param untracedAllowed the statuses answers refused before dispatch may have
     * @param own the scenario's own checks
     * @param ownFigures the scenario's own figures, appended to its line
     */
    Verdicts(Scenario scenario, Set<Integer> untracedAllowed,
            Function<Observed, List<Check>> own, Function<Observed, String> ownFigures) {
        this.scenario = scenario;
        this.untracedAllowed = Set.copyOf(untracedAllowed);
        this.own = own;
        this.ownFigures = ownFigures;
    }

    /**
     * Decides.
     *
     * @param observed what the scenario observed
     * @return the result
     */
    ScenarioResult decide(Observed observed) {
        var checks = new ArrayList<Check>();
        checks.add(conservation(observed));
        checks.add(statusesBilled(observed));
        checks.add(untraced(observed));
        checks.add(openTraces(observed));
        checks.add(billingLoss(observed));
        checks.add(heap(observed));
        checks.add(threads(observed));
        checks.add(Check.of("clean stop", observed.aliveAfterLoad() && observed.exitCode() == 0,
                "alive after the load: " + observed.aliveAfterLoad() + ", exit code after "
                        + "SIGTERM " + observed.exitCode()));
        checks.addAll(own.apply(observed));
        return new ScenarioResult(scenario, figures(observed), List.copyOf(checks));
    }

    /**
     * Returns the answers of all loads by trace id.
     *
     * @param observed what a scenario observed
     * @return status by trace id
     */
    static Map<String, Integer> traced(Observed observed) {
        var traced = new HashMap<String, Integer>();
        observed.tallies().forEach(tally -> traced.putAll(tally.tracedStatuses()));
        return traced;
    }

    private static Check conservation(Observed observed) {
        Map<String, Integer> traced = traced(observed);
        var billedIds = new HashSet<String>();
        long duplicates = 0;
        for (BilledRecord record : observed.billed()) {
            duplicates += billedIds.add(record.traceId()) ? 0 : 1;
        }
        long missing = traced.keySet().stream().filter(id -> !billedIds.contains(id)).count();
        long extra = billedIds.stream().filter(id -> !traced.containsKey(id)).count();
        long noAnswer = total(observed, Tally::errorCount);
        long repeated = total(observed, Tally::duplicateTraceIds);
        boolean held = missing == 0 && duplicates == 0 && repeated == 0 && extra <= noAnswer;
        return Check.of("conservation", held, traced.size() + " traced answers, "
                + observed.billed().size() + " billing records: " + missing + " answers "
                + "unbilled, " + duplicates + " records duplicated, " + repeated + " trace "
                + "ids answered twice, " + extra + " records without an answer (allowed up to "
                + noAnswer + ", the requests that got no answer)");
    }

    private static Check statusesBilled(Observed observed) {
        Map<String, Integer> traced = traced(observed);
        long differ = observed.billed().stream().filter(record ->
                traced.containsKey(record.traceId())
                        && traced.get(record.traceId()) != record.status()).count();
        long incomplete = observed.billed().stream().filter(record -> !record.complete())
                .count();
        return Check.of("records match answers", differ == 0 && incomplete == 0, differ
                + " records whose status differs from the answer's, " + incomplete
                + " incomplete records");
    }

    private Check untraced(Observed observed) {
        var untraced = new TreeMap<Integer, Long>();
        observed.tallies().forEach(tally -> tally.untracedByStatus()
                .forEach((status, count) -> untraced.merge(status, count, Long::sum)));
        boolean held = untracedAllowed.containsAll(untraced.keySet());
        return Check.of("refused before dispatch", held, "answers without traceresponse "
                + "by status " + untraced + "; allowed statuses "
                + new TreeSet<>(untracedAllowed));
    }

    private static Check openTraces(Observed observed) {
        double open = observed.metrics().sum("bindery_billing_open_traces");
        return Check.of("nothing left open", open == 0, "bindery_billing_open_traces "
                + (long) open + " after the load drained");
    }

    private static Check billingLoss(Observed observed) {
        double dropped = observed.metrics().sum("bindery_billing_dropped_total");
        double errors = observed.metrics().sum("bindery_billing_errors_total");
        double incomplete = observed.metrics().sum("bindery_billing_incomplete_total");
        return Check.of("billing lost nothing", dropped == 0 && errors == 0 && incomplete == 0,
                "billing dropped " + (long) dropped + ", errors " + (long) errors
                        + ", incomplete " + (long) incomplete);
    }

    private static Check heap(Observed observed) {
        long growth = observed.after().heapUsedBytes() - observed.before().heapUsedBytes();
        return Check.of("heap bounded", growth <= HEAP_GROWTH_BOUND, "heap after full GC "
                + mib(observed.before().heapUsedBytes()) + " -> "
                + mib(observed.after().heapUsedBytes()) + " MiB (bound +"
                + mib(HEAP_GROWTH_BOUND) + "), peak in use " + mib(observed.peakHeap())
                + " MiB of " + ServerUnderTest.MAX_HEAP);
    }

    private static Check threads(Observed observed) {
        int growth = observed.after().liveThreads() - observed.before().liveThreads();
        return Check.of("threads bounded", growth <= THREAD_GROWTH_BOUND, "platform threads "
                + observed.before().liveThreads() + " -> " + observed.after().liveThreads()
                + " (bound +" + THREAD_GROWTH_BOUND + "), peak " + observed.peakThreads());
    }

    private String figures(Observed observed) {
        Tally main = observed.load();
        long[] latencies = main.sortedLatencies();
        double seconds = observed.loadTime().toNanos() / 1e9;
        var statuses = new TreeMap<Integer, Long>();
        observed.tallies().forEach(tally -> tally.byStatus()
                .forEach((status, count) -> statuses.merge(status, count, Long::sum)));
        return String.format("%s: %.1f s, sent %d, answered %s, errors %d, %.0f req/s, "
                        + "p50 %s p99 %s max %s, billed %d of %d traced, untraced %d, "
                        + "heap after GC %s -> %s MiB (peak %s), threads %d -> %d, span drops "
                        + "%d, export failures %d, billing drops %d%s",
                scenario.id(), seconds, total(observed, Tally::sentCount), statuses,
                total(observed, Tally::errorCount), main.answeredCount() / seconds,
                millis(latencies, 0.50), millis(latencies, 0.99), millis(latencies, 1.0),
                observed.billed().size(), traced(observed).size(),
                observed.tallies().stream().mapToLong(tally -> tally.untracedByStatus()
                        .values().stream().mapToLong(Long::longValue).sum()).sum(),
                mib(observed.before().heapUsedBytes()), mib(observed.after().heapUsedBytes()),
                mib(observed.peakHeap()), observed.before().liveThreads(),
                observed.after().liveThreads(), spanDrops(observed), exportFailures(observed),
                (long) observed.metrics().sum("bindery_billing_dropped_total"),
                ownFigures.apply(observed));
    }

    /**
     * Returns the spans the SDK's batch processor dropped because its queue was full.
     *
     * @param observed what a scenario observed
     * @return the count
     */
    static long spanDrops(Observed observed) {
        return (long) observed.metrics().sum(SPAN_DROPS, DROPPED);
    }

    /**
     * Returns the spans the OTLP exporter failed to export.
     *
     * @param observed what a scenario observed
     * @return the count
     */
    static long exportFailures(Observed observed) {
        return (long) observed.metrics().sum(EXPORTED, FAILED);
    }

    private static long total(Observed observed, ToLongFunction<Tally> f) {
        return observed.tallies().stream().mapToLong(f).sum();
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f ms", sorted[Math.max(0, index)] / 1e6);
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / MIB);
    }
}
