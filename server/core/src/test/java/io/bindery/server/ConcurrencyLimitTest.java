package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.server.testworkers.Probe;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks {@code server.maxConcurrentRequests}: a request beyond it is shed with 503. */
class ConcurrencyLimitTest {

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        Probe.reset();
    }

    @Test
    void requestBeyondTheLimitIsShedWith503AndTheRunningOneFinishes() throws Exception {
        try (TestServer server = TestServer.start(dir, """
                server: { maxConcurrentRequests: 1 }
                workers:
                  - { name: slow, class: io.bindery.server.testworkers.Blocking, routes: [/slow] }
                """)) {
            CompletableFuture<HttpResponse<String>> running =
                    CompletableFuture.supplyAsync(() -> server.get("/slow"));
            assertThat(Probe.started.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> shed = server.get("/slow");
            Probe.release.countDown();

            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("traceresponse")).isEmpty();
            assertThat(running.get(10, TimeUnit.SECONDS).body()).isEqualTo("finished");
        }
    }
}
