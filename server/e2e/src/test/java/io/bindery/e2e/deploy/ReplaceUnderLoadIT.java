package io.bindery.e2e.deploy;

import static io.bindery.e2e.deploy.Greeters.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces the greeter of a forked server with the agent attached while clients keep calling
 * it, and follows the old version's class loader until the garbage collector takes it.
 */
class ReplaceUnderLoadIT {

    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private Greeters greeters;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void prepare() {
        greeters = new Greeters(dir);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        greeters.close();
    }

    @Test
    void aReplacementUnderContinuousLoadFailsNoRequest() throws Exception {
        ForkedServer server = greeters.start("deploy-under-load", null);
        assertThat(greeters.upload(server, "v1", "alice").statusCode()).isEqualTo(201);
        var load = new Load(server);
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.results.size() >= 40);
        Path mark = dir.resolve("slow-request-started");
        var slow = CompletableFuture.supplyAsync(() -> Http.get(server.uri("/greet?mark="
                + mark + "&wait=8000")), threads);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(mark));

        assertThat(greeters.upload(server, "v2", "bob").statusCode()).isEqualTo(201);
        long switched = System.nanoTime();
        assertThat(retired(server, 1).path("requestsInFlight").asInt())
                .as("the slow request still runs on version 1").isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.startedAfter(switched) >= 40);
        load.stop();

        assertThat(slow.get(30, TimeUnit.SECONDS).body()).isEqualTo("v1");
        assertThat(load.results).allSatisfy(result -> assertThat(result.status())
                .as(result.toString()).isEqualTo(200));
        assertThat(load.results).filteredOn(result -> result.start() > switched)
                .extracting(Result::body).containsOnly("v2");
        assertThat(load.results).extracting(Result::body).contains("v1");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                retired(server, 1).path("loaderClosed").asBoolean());
        assertThat(retired(server, 1).path("requestsInFlight").asInt()).isZero();
    }

    @Test
    void theReplacedVersionsClassLoaderIsCollectedAfterItsLastRequest() {
        ForkedServer server = greeters.start("deploy-loader-collected", null);
        assertThat(greeters.upload(server, "v1", "alice").statusCode()).isEqualTo(201);
        assertThat(Greeters.greet(server)).isEqualTo("v1");
        assertThat(greeters.upload(server, "v2", "alice").statusCode()).isEqualTo(201);
        assertThat(Greeters.greet(server)).isEqualTo("v2");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    collectGarbage(server);
                    return retired(server, 1).path("loaderCollected").asBoolean();
                });

        assertThat(server.output()).contains("Worker 'greeter' version 1: class loader "
                + "collected");
    }

    /** Returns the greeter's retired version as {@code GET /api/workers} shows it. */
    private static JsonNode retired(ForkedServer server, int version) {
        JsonNode workers = Records.json(get(server, "/api/workers").body()).path("workers");
        for (JsonNode retired : workers.get(0).path("retired")) {
            if (retired.path("version").asInt() == version) {
                return retired;
            }
        }
        throw new AssertionError("Version " + version + " is not retired in " + workers);
    }

    /** Runs {@code jcmd <pid> GC.run} against the forked server. */
    private static void collectGarbage(ForkedServer server) throws IOException,
            InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()),
                "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                .DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("jcmd finished").isTrue();
    }

    /** Clients that call the greeter in a loop and keep every result. */
    private final class Load {

        private final ForkedServer server;
        private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<CompletableFuture<Void>> clients = new java.util.ArrayList<>();

        Load(ForkedServer server) {
            this.server = server;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(CompletableFuture.runAsync(this::loop, threads));
            }
        }

        void stop() throws Exception {
            running.set(false);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        }

        long startedAfter(long nanos) {
            return results.stream().filter(result -> result.start() > nanos).count();
        }

        private void loop() {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    var response = Http.get(server.uri("/greet"));
                    results.add(new Result(start, response.statusCode(), response.body()));
                } catch (RuntimeException e) {
                    results.add(new Result(start, -1, e.toString()));
                }
            }
        }
    }

    /** One call: when it started, its status (-1 when it failed) and its body. */
    private record Result(long start, int status, String body) {
    }
}
