package io.bindery.soak;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.e2e.ForkedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The forked server one scenario drives, with the agent attached, a 256 MiB heap, billing
 * records written to {@code billing.jsonl} in its folder, and the admin API read for metrics
 * and JVM figures. Not thread-safe, except {@link #jvm()}, which the sampler calls.
 */
final class ServerUnderTest implements AutoCloseable {

    /** The forked server's heap limit. */
    static final String MAX_HEAP = "-Xmx256m";

    private static final String BILLING_FILE = "billing.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC =
            Pattern.compile("^([a-zA-Z_:][\\w:]*(\\{[^}]*})?) (\\S+)$");

    private final ForkedServer server;
    private final HttpClient admin = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final long pid;

    private ServerUnderTest(ForkedServer server) {
        this.server = server;
        this.pid = status().path("jvm").path("pid").asLong();
    }

    /**
     * Starts the server.
     *
     * @param name its folder's name
     * @param yaml its configuration
     * @param environment extra environment variables, such as {@code OTEL_*}
     * @param jsonlSpans whether spans go to the JSONL file exporter (when no OTLP is set)
     * @return the running server
     */
    static ServerUnderTest start(String name, String yaml, Map<String, String> environment,
            boolean jsonlSpans) {
        var builder = ForkedServer.builder(name).config(yaml).jvmArgument(MAX_HEAP)
                .jsonlSpans(jsonlSpans).env("BINDERY_BILLING_FILE", BILLING_FILE);
        environment.forEach(builder::env);
        return new ServerUnderTest(builder.start());
    }

    /** @return the public listener's port */
    int port() {
        return server.publicUrl().getPort();
    }

    /** @return whether the server process still runs */
    boolean isAlive() {
        return server.isAlive();
    }

    /** @return {@code /api/status} */
    JsonNode status() {
        return json(admin("/api/status"));
    }

    /** @return the JVM's figures now, without a GC */
    JvmFigures jvm() {
        JsonNode jvm = status().path("jvm");
        return new JvmFigures(jvm.path("heapUsedBytes").asLong(),
                jvm.path("liveThreads").asInt());
    }

    /**
     * Runs a full GC in the server with {@code jcmd <pid> GC.run} and returns the figures
     * after it.
     *
     * @return the heap used after the GC and the live platform threads
     */
    JvmFigures jvmAfterFullGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + jcmd + " " + pid + " GC.run' failed; "
                        + "the soak needs a JDK (not a JRE) with jcmd");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the server ran a GC", e);
        }
        return jvm();
    }

    /** @return {@code /metrics}, parsed */
    Metrics metrics() {
        var series = new HashMap<String, Double>();
        for (String line : admin("/metrics").split("\n")) {
            var matcher = METRIC.matcher(line.trim());
            if (matcher.matches()) {
                series.merge(matcher.group(1), Double.parseDouble(matcher.group(3)),
                        Double::sum);
            }
        }
        return new Metrics(Map.copyOf(series));
    }

    /**
     * Waits until no trace is open and the billing file holds at least the given number of
     * records and no more arrive, or the timeout passes.
     *
     * @param expected the records expected at least
     * @param timeout the longest wait
     * @return the records in the billing file then
     */
    List<BilledRecord> awaitBilled(long expected, Duration timeout) {
        long[] last = {-1};
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                long now = Files.exists(billingFile()) ? countLines() : 0;
                boolean settled = now >= expected && now == last[0] && openTraces() == 0;
                last[0] = now;
                return settled;
            });
        } catch (ConditionTimeoutException timedOut) {
            // The checks report what is missing; a timeout is not an answer by itself.
        }
        return billed();
    }

    /**
     * Waits until the metrics meet a condition, or the timeout passes.
     *
     * @param condition the condition
     * @param timeout the longest wait
     * @return whether the condition was met
     */
    boolean awaitMetrics(Predicate<Metrics> condition, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> condition.test(metrics()));
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    /** @return the billing records written so far: trace id and status */
    List<BilledRecord> billed() {
        var records = new ArrayList<BilledRecord>();
        try (var lines = Files.lines(billingFile())) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                JsonNode record = json(line);
                records.add(new BilledRecord(record.path("traceId").asText(),
                        record.path("status").asInt(), record.path("complete").asBoolean()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + billingFile(), e);
        }
        return records;
    }

    /**
     * Counts the lines of the server's log that match a pattern.
     *
     * @param pattern the pattern, found anywhere in a line
     * @return the count
     */
    long logLines(Pattern pattern) {
        return server.output().lines().filter(line -> pattern.matcher(line).find()).count();
    }

    /**
     * Stops the server with SIGTERM.
     *
     * @return its exit code
     */
    int stop() {
        return server.stop();
    }

    @Override
    public void close() {
        server.close();
    }

    private double openTraces() {
        return metrics().sum("bindery_billing_open_traces");
    }

    private long countLines() throws IOException {
        try (var lines = Files.lines(billingFile())) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    private Path billingFile() {
        return server.dir().resolve(BILLING_FILE);
    }

    private String admin(String path) {
        URI uri = server.adminUrl().resolve(path);
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.adminToken()).GET().build();
        try {
            HttpResponse<String> response = admin.send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + uri, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    /**
     * One billing record, as far as the checks need it.
     *
     * @param traceId the trace id
     * @param status the status it billed
     * @param complete whether every span of the trace had ended
     */
    record BilledRecord(String traceId, int status, boolean complete) {
    }

    /**
     * The Prometheus series of {@code /metrics}.
     *
     * @param series each series with its labels, such as {@code a_total{x="1"}}, and its value
     */
    record Metrics(Map<String, Double> series) {

        /**
         * Adds up the series of a metric whose labels contain every given fragment.
         *
         * @param name the metric's name, such as {@code processedSpans_total}
         * @param labels fragments such as {@code dropped="true"}
         * @return the sum, 0 when none matches
         */
        double sum(String name, String... labels) {
            return series.entrySet().stream()
                    .filter(entry -> entry.getKey().equals(name)
                            || entry.getKey().startsWith(name + "{"))
                    .filter(entry -> Arrays.stream(labels)
                            .allMatch(entry.getKey()::contains))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /**
     * The server JVM's figures at one moment.
     *
     * @param heapUsedBytes the heap in use
     * @param liveThreads the live platform threads
     */
    record JvmFigures(long heapUsedBytes, int liveThreads) {
    }
}
