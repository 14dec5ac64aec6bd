package io.bindery.billing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SpanProcessingBenchmark} on 1 and 2 threads with the GC profiler and writes a
 * Markdown table: spans per second, nanoseconds and bytes per span, and each processor's cost
 * above the bare SDK. Arguments are JMH's own (e.g. {@code -wi 2 -i 3 -f 1 -r 2s}); the system
 * property {@code bench.out} names the Markdown file (default: standard output only).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args JMH command-line options
     * @throws RunnerException if JMH fails
     * @throws CommandLineOptionException if an argument is not a JMH option
     * @throws IOException if the table cannot be written
     */
    public static void main(String[] args)
            throws RunnerException, CommandLineOptionException, IOException {
        var cli = new CommandLineOptions(args);
        var table = new StringBuilder();
        table.append("| threads | processors | spans/s (total) | ± (99.9%) | ns/span/thread"
                + " | cost above noop, ns/span | B/span |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (int threads : new int[] {1, 2}) {
            var options = new OptionsBuilder().parent(cli)
                    .include(SpanProcessingBenchmark.class.getName()).threads(threads)
                    .addProfiler(GCProfiler.class).build();
            rows(table, threads, new Runner(options).run());
        }
        System.out.println(table);
        var out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), table.toString());
        }
    }

    private static void rows(StringBuilder table, int threads, Collection<RunResult> results) {
        var byProcessors = new LinkedHashMap<String, RunResult>();
        for (var result : results) {
            byProcessors.put(result.getParams().getParam("processors"), result);
        }
        double bare = nanosPerSpan(byProcessors.get("noop"), threads);
        for (Map.Entry<String, RunResult> entry : byProcessors.entrySet()) {
            var primary = entry.getValue().getPrimaryResult();
            double nanos = nanosPerSpan(entry.getValue(), threads);
            var alloc = entry.getValue().getSecondaryResults().get("gc.alloc.rate.norm");
            table.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %.1f | %.1f"
                    + " | %.0f |%n", threads, entry.getKey(), primary.getScore(),
                    primary.getScoreError(), nanos, nanos - bare,
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
    }

    private static double nanosPerSpan(RunResult result, int threads) {
        return result == null ? Double.NaN : 1e9 * threads / result.getPrimaryResult().getScore();
    }
}
