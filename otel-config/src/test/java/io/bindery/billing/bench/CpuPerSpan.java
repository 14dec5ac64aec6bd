package io.bindery.billing.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures CPU time and allocation per span for each of {@link Setups#ALL} on one thread:
 * the calling thread's own (what a request pays) and the whole process's (background threads
 * included). CPU time, unlike throughput, is little disturbed by other load on the machine.
 */
public final class CpuPerSpan {

    private static final int WARM_UP_TRACES = 300_000;
    private static final int TRACES = 1_000_000;

    private CpuPerSpan() {
    }

    /**
     * Prints one Markdown table row per setup, each setup measured twice, the best kept.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("| processors | caller CPU ns/span | process CPU ns/span"
                + " | caller B/span | all threads B/span | spans exported |");
        System.out.println("|---|---|---|---|---|---|");
        for (var setup : Setups.ALL) {
            var first = measure(setup);
            var second = measure(setup);
            var best = first[0] <= second[0] ? first : second;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %s |%n", setup,
                    best[0], best[1], best[2], best[3],
                    setup.contains("batch") ? String.format(Locale.ROOT, "%.0f%%", best[4])
                            : "-");
        }
    }

    private static double[] measure(String setup) {
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var provider = Setups.provider(setup);
        var tracer = provider.get("io.bindery.agent");
        for (int i = 0; i < WARM_UP_TRACES; i++) {
            RequestTraces.run(tracer);
        }
        long callerCpu = threads.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        long callerBytes = threads.getCurrentThreadAllocatedBytes();
        long allBytes = threads.getTotalThreadAllocatedBytes();
        long exported = Setups.EXPORTER.exported();
        for (int i = 0; i < TRACES; i++) {
            RequestTraces.run(tracer);
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        long exportedNow = Setups.EXPORTER.exported() - exported;
        double spans = (double) TRACES * RequestTraces.SPANS;
        var result = new double[] {
            (threads.getCurrentThreadCpuTime() - callerCpu) / spans,
            (os.getProcessCpuTime() - processCpu) / spans,
            (threads.getCurrentThreadAllocatedBytes() - callerBytes) / spans,
            (threads.getTotalThreadAllocatedBytes() - allBytes) / spans,
            100.0 * exportedNow / spans};
        provider.shutdown().join(10, TimeUnit.SECONDS);
        return result;
    }
}
