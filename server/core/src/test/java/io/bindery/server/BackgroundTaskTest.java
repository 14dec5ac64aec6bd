package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.server.testworkers.Probe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks ctx.waitUntil: after the response, at shutdown, and past its time limit. */
class BackgroundTaskTest {

    private static final String REGISTRAR = "io.bindery.server.testworkers.BackgroundRegistrar";

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        Probe.reset();
    }

    @Test
    void backgroundWorkFinishesAfterTheResponse() throws Exception {
        try (TestServer server = start("30s", "30s")) {
            var tasks = server.server().runtime().backgroundTasks();

            assertThat(server.get("/bg").statusCode()).isEqualTo(202);
            assertThat(Probe.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Probe.FINISHED).isFalse();
            assertThat(tasks.active()).isEqualTo(1);

            Probe.release.countDown();
            await().atMost(Duration.ofSeconds(10)).untilTrue(Probe.FINISHED);
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks.active() == 0);
            assertThat(Probe.INTERRUPTED).isFalse();
        }
    }

    @Test
    void shutdownWaitsForRunningBackgroundTasks() throws Exception {
        TestServer server = start("30s", "30s");
        assertThat(server.get("/bg").statusCode()).isEqualTo(202);
        assertThat(Probe.started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(server.server()::stop);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !stop.isDone());
        Probe.release.countDown();
        stop.get(10, TimeUnit.SECONDS);

        assertThat(Probe.FINISHED).as("stop returned only after the task finished").isTrue();
        assertThat(Probe.INTERRUPTED).isFalse();
        server.close();
    }

    @Test
    void taskPastItsTimeLimitIsInterruptedAndLoggedAsCancelled() throws Exception {
        try (TestServer server = start("150ms", "30s");
                var log = LogCapture.of("io.bindery.server.runtime")) {
            assertThat(server.get("/bg").statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(10)).untilTrue(Probe.INTERRUPTED);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.server().runtime().backgroundTasks().active() == 0);
            assertThat(Probe.FINISHED).isFalse();
            assertThat(log.at(Level.WARNING)).singleElement().satisfies(record ->
                    assertThat(record.getMessage()).contains("worker 'bg'")
                            .contains("cancelled").contains("backgroundTaskTimeout"));
        }
    }

    @Test
    void shutdownCancelsTasksStillRunningWhenTheGracePeriodEnds() throws Exception {
        TestServer server = start("30s", "200ms");
        assertThat(server.get("/bg").statusCode()).isEqualTo(202);
        assertThat(Probe.started.await(10, TimeUnit.SECONDS)).isTrue();

        server.close();

        await().atMost(Duration.ofSeconds(10)).untilTrue(Probe.INTERRUPTED);
        assertThat(Probe.FINISHED).isFalse();
    }

    private TestServer start(String taskTimeout, String grace) throws IOException {
        return TestServer.start(dir, """
                server: { shutdownGrace: %s }
                limits: { backgroundTaskTimeout: %s }
                workers:
                  - { name: bg, class: %s, routes: [/bg] }
                """.formatted(grace, taskTimeout, REGISTRAR));
    }
}
