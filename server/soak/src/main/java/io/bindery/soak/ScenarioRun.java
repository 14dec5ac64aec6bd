package io.bindery.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.soak.ServerUnderTest.JvmFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One scenario's server and what happened to it: starts the server, signs in as a demo user,
 * takes the JVM's figures after a full GC, samples heap and threads every 500 ms while load
 * runs, and at the end waits for billing to drain and hands everything to {@link Verdicts}.
 * Not thread-safe: one scenario thread drives it.
 */
final class ScenarioRun implements AutoCloseable {

    /** The label of the scenario's load of valid requests. */
    static final String LOAD = "getuser";
    /** How long one answer may take before the load counts it as an error. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerUnderTest server;
    private final List<Tally> tallies = new ArrayList<>();
    private final Tally setup = new Tally("setup");
    private final Tally load = new Tally(LOAD);
    private final JvmFigures before;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicInteger peakThreads = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final String token;
    private Duration loadTime = Duration.ZERO;

    private ScenarioRun(ServerUnderTest server) {
        this.server = server;
        this.token = login();
        this.before = server.jvmAfterFullGc();
        tallies.add(setup);
        tallies.add(load);
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a scenario's server.
     *
     * @param scenario the scenario, which names the server's folder
     * @param yaml the configuration
     * @param environment extra environment variables
     * @param jsonlSpans whether spans go to the JSONL exporter
     * @return the run
     */
    static ScenarioRun start(Scenario scenario, String yaml, Map<String, String> environment,
            boolean jsonlSpans) {
        return new ScenarioRun(ServerUnderTest.start("soak-" + scenario.id(), yaml,
                environment, jsonlSpans));
    }

    /** @return the server */
    ServerUnderTest server() {
        return server;
    }

    /** @return the demo session token signed in at start */
    String token() {
        return token;
    }

    private Supplier<byte[]> getUser() {
        byte[] request = ("GET /getuser HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return () -> request;
    }

    /**
     * Runs the scenario's closed-loop load of valid {@code GET /getuser} requests; call once.
     *
     * @param connections connections at once
     * @param duration how long
     * @return the load's tally, labelled {@value #LOAD}
     * @throws InterruptedException when interrupted
     */
    Tally load(int connections, Duration duration) throws InterruptedException {
        var generator = new LoadGenerator(server.port(), connections, duration, ANSWER_TIMEOUT);
        loadTime = generator.run(getUser(), load);
        return load;
    }

    /**
     * Makes a tally whose answers count in the conservation check.
     *
     * @param label its name
     * @return the tally
     */
    Tally tally(String label) {
        var tally = new Tally(label);
        tallies.add(tally);
        return tally;
    }

    /**
     * Waits for billing to drain, measures, stops the server and decides.
     *
     * @param verdicts the scenario's expectations
     * @return the result
     */
    ScenarioResult finish(Verdicts verdicts) {
        sampler.shutdownNow();
        long traced = tallies.stream().mapToLong(tally -> tally.tracedStatuses().size()).sum();
        var billed = server.awaitBilled(traced, DRAIN_TIMEOUT);
        var metrics = server.metrics();
        boolean aliveAfterLoad = server.isAlive();
        JvmFigures after = server.jvmAfterFullGc();
        int exitCode = server.stop();
        var observed = new Observed(tallies, load, billed, metrics, before, after, peakHeap.get(),
                peakThreads.get(), loadTime, aliveAfterLoad, exitCode);
        return verdicts.decide(observed);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        server.close();
    }

    private void sample() {
        try {
            JvmFigures now = server.jvm();
            peakHeap.accumulateAndGet(now.heapUsedBytes(), Math::max);
            peakThreads.accumulateAndGet(now.liveThreads(), Math::max);
        } catch (RuntimeException unreachable) {
            // A server too busy to answer its admin API misses one sample; the next one counts.
        }
    }

    private String login() {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/login");
        var request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"alice\",\"password\":\"wonderland\"}")).build();
        try (var client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString());
            String traceResponse = response.headers().firstValue("traceresponse").orElse("");
            setup.sent();
            setup.answered(new HttpConnection.Answer(response.statusCode(),
                    traceResponse.isEmpty() ? null : traceResponse.split("-")[1], false));
            return JSON.readTree(response.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo login at " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
    }

    /**
     * Everything a scenario observed, for its verdicts.
     *
     * @param tallies the answers of every load, the sign-in first
     * @param load the answers of the load of valid requests
     * @param billed the billing records after the drain
     * @param metrics {@code /metrics} after the drain
     * @param before the JVM's figures after a full GC before the load
     * @param after the same after the drain
     * @param peakHeap the most heap in use seen while the load ran (no GC), in bytes
     * @param peakThreads the most live platform threads seen while the load ran
     * @param loadTime the wall time of the loads
     * @param aliveAfterLoad whether the server still ran after the load
     * @param exitCode the server's exit code after SIGTERM
     */
    record Observed(List<Tally> tallies, Tally load, List<ServerUnderTest.BilledRecord> billed,
            ServerUnderTest.Metrics metrics, JvmFigures before, JvmFigures after,
            long peakHeap, int peakThreads, Duration loadTime, boolean aliveAfterLoad,
            int exitCode) {
    }
}
