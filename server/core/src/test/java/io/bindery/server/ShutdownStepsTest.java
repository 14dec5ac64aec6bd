package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks the shutdown sequence: once, in order, past failing steps, waited for by all. */
class ShutdownStepsTest {

    @Test
    void stepsRunOnceInOrderEvenWhenOneFails() {
        var done = new CopyOnWriteArrayList<String>();
        var shutdown = new Shutdown(List.of(() -> done.add("server"), () -> {
            throw new IllegalStateException("telemetry failed on purpose");
        }, () -> done.add("billing file")));

        shutdown.run();
        shutdown.run();

        assertThat(done).containsExactly("server", "billing file");
    }

    @Test
    void secondCallerWaitsUntilTheFirstHasFinished() throws Exception {
        var release = new CountDownLatch(1);
        var done = new CopyOnWriteArrayList<String>();
        var shutdown = new Shutdown(List.of(() -> await(release), () -> done.add("last")));
        Thread first = Thread.ofVirtual().start(shutdown);
        shutdown.awaitRequest();

        Thread second = Thread.ofVirtual().start(shutdown);
        assertThat(second.join(Duration.ofMillis(200))).isFalse();
        release.countDown();

        assertThat(second.join(Duration.ofSeconds(5))).isTrue();
        assertThat(done).containsExactly("last");
        first.join();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
