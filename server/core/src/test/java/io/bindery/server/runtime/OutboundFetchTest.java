package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Checks that many concurrent fetches do not start a platform thread each. */
class OutboundFetchTest {

    private static final int FETCHES = 64;

    @Test
    void concurrentFetchesUseABoundedNumberOfPlatformThreads() throws Exception {
        var arrived = new CountDownLatch(FETCHES);
        var release = new CountDownLatch(1);
        HttpServer upstream = HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), FETCHES);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/", exchange -> {
            arrived.countDown();
            awaitQuietly(release);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        upstream.start();
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/";
        try (var fetch = new OutboundFetch(Duration.ofSeconds(5), Duration.ofSeconds(30));
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<Future<Response>>();
            for (int i = 0; i < FETCHES; i++) {
                answers.add(callers.submit(() -> fetch.fetch(Request.builder("GET", url)
                        .build())));
            }
            arrived.await();
            release.countDown();
            for (Future<Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
            assertThat(clientThreads()).isLessThanOrEqualTo(OutboundFetch.EXECUTOR_THREADS);
        } finally {
            upstream.stop(0);
        }
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") || name.startsWith("bindery-fetch"))
                .filter(name -> !name.contains("SelectorManager"))
                .count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
