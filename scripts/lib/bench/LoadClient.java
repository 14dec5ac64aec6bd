import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one path with a fixed number of concurrent clients for a bounded time and prints one
 * line of figures: requests, seconds, rps, errors, p50 and p99 in milliseconds.
 *
 * <p>Usage: {@code java LoadClient.java BASE_URL CONCURRENCY WARMUP_S MEASURE_S
 * [SERVER_PID]}. By default it logs in as the demo user alice and drives {@code /getuser}.
 * System properties change that: {@code -Dload.path=/x} drives another path,
 * {@code -Dload.login=false} skips the login, and {@code -Dload.header=X-Name} also reports
 * the p50 and p99 of that numeric response header as {@code hdr_p50} and {@code hdr_p99}
 * (in the header's own unit), for workers that time their own work. Given the server's
 * process id (on Linux), it also prints the server's CPU time per request during the
 * measured phase, which other load on the machine disturbs far less than throughput. Each
 * client sends its next request when the previous one has answered (closed loop), so the
 * load is bounded by the concurrency; a run also stops after 5 million requests.
 */
public final class LoadClient {

    private static final int MAX_REQUESTS = 5_000_000;
    private static final String HEADER = System.getProperty("load.header", "");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var builder = HttpRequest.newBuilder(
                base.resolve(System.getProperty("load.path", "/getuser")));
        if (Boolean.parseBoolean(System.getProperty("load.login", "true"))) {
            builder.header("Authorization", "Bearer " + login(client, base));
        }
        HttpRequest getUser = builder.build();
        run(client, getUser, concurrency, warmup, null);
        var latencies = new ArrayList<long[]>();
        var headerValues = new ArrayList<long[]>();
        long[] errors = new long[1];
        long pid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        long requests = run(client, getUser, concurrency, measure, latencies, errors,
                headerValues);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = cpuTicks(pid) - cpuBefore;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(n -> n > 0)
                .sorted().toArray();
        System.out.printf("requests=%d seconds=%.2f rps=%.1f errors=%d p50_ms=%.2f p99_ms=%.2f"
                + " cpu_us_per_req=%.1f%n", requests, seconds, requests / seconds, errors[0],
                percentile(all, 0.50), percentile(all, 0.99),
                pid < 0 ? 0.0 : cpuTicks * 10_000.0 / requests);
        if (!HEADER.isEmpty()) {
            long[] values = headerValues.stream().flatMapToLong(Arrays::stream)
                    .filter(n -> n >= 0).sorted().toArray();
            System.out.printf("hdr_p50=%.0f hdr_p99=%.0f%n", percentile(values, 0.50) * 1e6,
                    percentile(values, 0.99) * 1e6);
        }
    }

    /** Returns user plus system CPU time of a process in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String login(HttpClient client, URI base) throws Exception {
        HttpRequest login = HttpRequest.newBuilder(base.resolve("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"alice\",\"password\":\"wonderland\"}")).build();
        String body = client.send(login, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static long run(HttpClient client, HttpRequest request, int concurrency,
            Duration time, List<long[]> latencies) throws InterruptedException {
        return run(client, request, concurrency, time, latencies, new long[1], null);
    }

    private static long run(HttpClient client, HttpRequest request, int concurrency,
            Duration time, List<long[]> latencies, long[] errors, List<long[]> headerValues)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var count = new AtomicLong();
        var failed = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            long[] mine = new long[MAX_REQUESTS / concurrency];
            long[] values = new long[HEADER.isEmpty() ? 0 : mine.length];
            Arrays.fill(values, -1);
            if (latencies != null) {
                latencies.add(mine);
            }
            if (headerValues != null) {
                headerValues.add(values);
            }
            threads.add(Thread.ofVirtual().start(() -> loop(client, request, stop, count,
                    failed, mine, values)));
        }
        Thread.sleep(time);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        errors[0] = failed.get();
        return count.get();
    }

    private static void loop(HttpClient client, HttpRequest request, AtomicBoolean stop,
            AtomicLong count, AtomicLong failed, long[] latencies, long[] values) {
        int n = 0;
        while (!stop.get() && n < latencies.length) {
            long start = System.nanoTime();
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                if (values.length > 0) {
                    values[n] = response.headers().firstValueAsLong(HEADER).orElse(-1);
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            latencies[n++] = System.nanoTime() - start;
            count.incrementAndGet();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
