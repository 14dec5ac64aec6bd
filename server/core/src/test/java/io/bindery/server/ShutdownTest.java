package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.server.testworkers.Probe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks graceful shutdown: no new connections, in-flight requests finish. */
class ShutdownTest {

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        Probe.reset();
    }

    @Test
    void stopRefusesNewConnectionsButFinishesInFlightRequests() throws Exception {
        TestServer server = TestServer.start(dir, """
                server: { shutdownGrace: 20s }
                workers:
                  - { name: slow, class: io.bindery.server.testworkers.Blocking, routes: [/slow] }
                """);
        int port = server.server().port();
        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> server.get("/slow"));
        assertThat(Probe.started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(server.server()::stop);
        await().atMost(Duration.ofSeconds(10)).until(() -> refuses(port));
        assertThat(inFlight).isNotDone();
        assertThat(stop).isNotDone();
        Probe.release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("finished");
        stop.get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void stoppedServerRefusesBothListeners() throws Exception {
        TestServer server = TestServer.start(dir, """
                server: { shutdownGrace: 20s }
                workers:
                  - { name: slow, class: io.bindery.server.testworkers.Blocking, routes: [/slow] }
                """);
        assertThat(server.admin("/health").statusCode()).isEqualTo(200);

        server.close();

        assertThat(refuses(server.server().port())).isTrue();
        assertThat(refuses(server.server().adminPort())).isTrue();
    }

    private static boolean refuses(int port) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return !socket.isConnected();
        } catch (IOException e) {
            return true;
        }
    }
}
