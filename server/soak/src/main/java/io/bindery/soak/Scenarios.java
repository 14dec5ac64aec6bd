package io.bindery.soak;

import io.bindery.e2e.Configs;
import io.bindery.soak.ScenarioRun.Observed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs the six scenarios against freshly forked demo servers, one server per scenario.
 * Not thread-safe.
 */
final class Scenarios {

    /** How long the slow OTLP receiver takes to answer. */
    static final Duration OTLP_DELAY = Duration.ofSeconds(3);
    /** The demo's {@code limits.fetchTimeout} in the upstream scenario. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(1);
    /** How late the slow upstream answers: beyond the fetch timeout. */
    static final Duration UPSTREAM_DELAY = Duration.ofSeconds(2);
    /** The overload scenario's {@code server.maxConcurrentRequests}. */
    static final int OVERLOAD_LIMIT = 128;
    /** How late the upstream answers in the overload scenario, so requests pile up. */
    static final Duration OVERLOAD_UPSTREAM_DELAY = Duration.ofMillis(50);
    /** The connections sending malformed requests in the bad-input scenario. */
    static final int MALFORMED_CONNECTIONS = 4;

    /** How long the OTLP-down scenario waits for the first failed export to be counted. */
    static final Duration EXPORT_TROUBLE_WAIT = Duration.ofSeconds(60);

    /**
     * The export log lines allowed at once: the first failure and the first drop report come
     * before any throttling.
     */
    static final long EXPORT_LOG_LINES_AT_START = 5;

    /** The log lines of failed exports and of spans dropped by the batch processor. */
    private static final Pattern EXPORT_TROUBLE = Pattern.compile(
            "Failed to export|BatchSpanProcessor dropped");

    private final SoakOptions options;

    Scenarios(SoakOptions options) {
        this.options = options;
    }

    /**
     * Runs one scenario.
     *
     * @param scenario the scenario
     * @return its result
     * @throws InterruptedException when interrupted
     */
    ScenarioResult run(Scenario scenario) throws InterruptedException {
        return switch (scenario) {
            case STEADY -> steady();
            case OTLP_DOWN -> otlpDown();
            case OTLP_SLOW -> otlpSlow();
            case UPSTREAM_FAULTS -> upstreamFaults();
            case OVERLOAD -> overload();
            case BAD_INPUT -> badInput();
        };
    }

    private ScenarioResult steady() throws InterruptedException {
        try (var upstream = FaultyUpstream.start();
                var run = ScenarioRun.start(Scenario.STEADY, Configs.demo(upstream.url()),
                        Map.of(), true)) {
            Tally load = run.load(options.connections(), options.duration());
            return run.finish(new Verdicts(Scenario.STEADY, Set.of(),
                    observed -> List.of(allAnswered(load, 200)), observed -> ""));
        }
    }

    private ScenarioResult otlpDown() throws InterruptedException {
        String endpoint = "http://127.0.0.1:" + Fixtures.closedPort();
        return otlp(Scenario.OTLP_DOWN, endpoint, run -> run.server().awaitMetrics(
                metrics -> unexported(metrics) > 0, EXPORT_TROUBLE_WAIT), (run, observed) ->
                exportTroubleCounted(observed), observed -> "");
    }

    private ScenarioResult otlpSlow() throws InterruptedException {
        try (var receiver = SlowOtlpReceiver.start(OTLP_DELAY)) {
            return otlp(Scenario.OTLP_SLOW, receiver.endpoint(), run -> true,
                    (run, observed) -> Check.of("receiver reached", receiver.requests() > 0,
                            receiver.requests() + " export requests arrived"),
                    observed -> ", receiver got " + receiver.requests() + " exports ("
                            + receiver.bytes() / 1024 + " KiB)");
        }
    }

    /**
     * Runs an OTLP scenario: steady load while spans go to the given endpoint.
     *
     * @param scenario the scenario
     * @param endpoint the OTLP endpoint
     * @param settle what to wait for after the load, before the verdicts
     * @param ownCheck the scenario's own check
     * @param ownFigures the scenario's own figures
     */
    private ScenarioResult otlp(Scenario scenario, String endpoint,
            Predicate<ScenarioRun> settle, BiFunction<ScenarioRun, Observed, Check> ownCheck,
            Function<Observed, String> ownFigures) throws InterruptedException {
        var environment = Map.of("OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        try (var upstream = FaultyUpstream.start();
                var run = ScenarioRun.start(scenario, Configs.demo(upstream.url()),
                        environment, false)) {
            Tally load = run.load(options.connections(), options.duration());
            settle.test(run);
            long[] logLines = {0};
            return run.finish(new Verdicts(scenario, Set.of(), observed -> {
                logLines[0] = run.server().logLines(EXPORT_TROUBLE);
                return List.of(allAnswered(load, 200), ownCheck.apply(run, observed),
                        exportLogBounded(logLines[0], options.duration()));
            }, observed -> ", export log lines " + logLines[0] + ownFigures.apply(observed)));
        }
    }

    private ScenarioResult upstreamFaults() throws InterruptedException {
        try (var upstream = FaultyUpstream.start();
                var run = ScenarioRun.start(Scenario.UPSTREAM_FAULTS, setting(
                        Configs.demo(upstream.url()), "limits", "fetchTimeout: "
                        + FETCH_TIMEOUT.toMillis() + "ms"), Map.of(), true);
                var phases = Executors.newSingleThreadScheduledExecutor()) {
            long quarter = options.duration().toMillis() / 4;
            phases.schedule(upstream::refuse, quarter, TimeUnit.MILLISECONDS);
            phases.schedule(() -> upstream.answerAfter(UPSTREAM_DELAY), 2 * quarter,
                    TimeUnit.MILLISECONDS);
            phases.schedule(() -> upstream.answerAfter(Duration.ZERO), 3 * quarter,
                    TimeUnit.MILLISECONDS);
            Tally load = run.load(options.connections(), options.duration());
            return run.finish(new Verdicts(Scenario.UPSTREAM_FAULTS, Set.of(), observed ->
                    List.of(onlyStatuses(load, Set.of(200, 502, 504)),
                            some(load, 502, "refused upstream answered 502"),
                            some(load, 504, "late upstream answered 504"),
                            some(load, 200, "healthy upstream answered 200"),
                            noErrors(load)), observed -> ", upstream answered "
                            + upstream.answered()));
        }
    }

    private ScenarioResult overload() throws InterruptedException {
        try (var upstream = FaultyUpstream.start()) {
            upstream.answerAfter(OVERLOAD_UPSTREAM_DELAY);
            String yaml = setting(Configs.demo(upstream.url()), "server",
                    "maxConcurrentRequests: " + OVERLOAD_LIMIT);
            try (var run = ScenarioRun.start(Scenario.OVERLOAD, yaml, Map.of(), true)) {
                int connections = options.connections() * 4;
                Tally load = run.load(connections, options.duration());
                return run.finish(new Verdicts(Scenario.OVERLOAD, Set.of(503), observed ->
                        List.of(onlyStatuses(load, Set.of(200, 503)),
                                some(load, 503, "excess shed with 503"),
                                some(load, 200, "admitted requests answered 200"),
                                noErrors(load)), observed -> ", " + connections
                                + " connections against maxConcurrentRequests "
                                + OVERLOAD_LIMIT));
            }
        }
    }

    private ScenarioResult badInput() throws InterruptedException {
        try (var upstream = FaultyUpstream.start();
                var run = ScenarioRun.start(Scenario.BAD_INPUT, Configs.demo(upstream.url()),
                        Map.of(), true)) {
            var kinds = Malformed.all(run.token());
            var malformed = new MalformedLoad(run, kinds, options.duration());
            Thread sender = Thread.ofVirtual().name("soak-malformed").start(malformed);
            Tally load = run.load(options.connections(), options.duration());
            sender.join();
            return run.finish(new Verdicts(Scenario.BAD_INPUT, Set.of(400, 414), observed -> {
                var checks = new ArrayList<Check>();
                checks.add(allAnswered(load, 200));
                kinds.forEach(kind -> checks.add(malformed.check(kind)));
                return checks;
            }, observed -> ", malformed " + malformed.figures()));
        }
    }

    /**
     * Adds a line at the top of a section of a configuration.
     *
     * @param yaml the configuration, which has the section at the left margin
     * @param section such as {@code limits}
     * @param line such as {@code fetchTimeout: 1s}
     * @return the changed configuration
     */
    static String setting(String yaml, String section, String line) {
        String header = section + ":\n";
        if (!yaml.startsWith(header) && !yaml.contains("\n" + header)) {
            throw new IllegalArgumentException("The configuration has no '" + section
                    + ":' section to add '" + line + "' to");
        }
        return yaml.replaceFirst("(?m)^" + section + ":\\n", header + "  " + line + "\n");
    }

    private static Check allAnswered(Tally tally, int status) {
        long others = tally.answeredCount() - tally.byStatus().getOrDefault(status, 0L);
        return Check.of(tally.label() + " all " + status, others == 0
                && tally.errorCount() == 0 && tally.answeredCount() > 0, tally.answeredCount()
                + " answers by status " + tally.byStatus() + ", no answer "
                + tally.errorsByKind());
    }

    private static Check onlyStatuses(Tally tally, Set<Integer> allowed) {
        return Check.of(tally.label() + " statuses", allowed.containsAll(
                tally.byStatus().keySet()), "answers by status " + tally.byStatus()
                + ", allowed " + new TreeSet<>(allowed));
    }

    private static Check some(Tally tally, int status, String what) {
        long count = tally.byStatus().getOrDefault(status, 0L);
        return Check.of(what, count > 0, count + " answers " + status);
    }

    private static Check noErrors(Tally tally) {
        return Check.of(tally.label() + " answered", tally.errorCount() == 0, "requests "
                + "without an answer: " + tally.errorsByKind());
    }

    private static double unexported(ServerUnderTest.Metrics metrics) {
        return metrics.sum(Verdicts.SPAN_DROPS, Verdicts.DROPPED)
                + metrics.sum(Verdicts.EXPORTED, Verdicts.FAILED);
    }

    private static Check exportTroubleCounted(Observed observed) {
        long drops = Verdicts.spanDrops(observed);
        long failures = Verdicts.exportFailures(observed);
        return Check.of("export trouble counted", drops + failures > 0, "span drops "
                + drops + " (processedSpans_total{dropped=\"true\"}), export failures "
                + failures + " (otlp_exporter_exported_total{success=\"false\"}) on /metrics");
    }

    private static Check exportLogBounded(long lines, Duration load) {
        long bound = EXPORT_LOG_LINES_AT_START + load.toSeconds() / 2;
        return Check.of("export log bounded", lines <= bound, lines + " log lines about "
                + "failed exports or dropped spans (bound " + bound + ": "
                + EXPORT_LOG_LINES_AT_START + " plus one per 2 s of load, whatever the "
                + "number of spans)");
    }
}
