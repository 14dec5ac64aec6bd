package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigLoader;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the dispatcher in-process, without HTTP in front of it. */
class DispatcherTest {

    private static final String WORKERS = "io.bindery.server.testworkers.";

    private final AtomicReference<String> seenHeaders = new AtomicReference<>();
    private final CountDownLatch neverReleased = new CountDownLatch(1);
    private HttpServer upstream;
    private WorkerLoader loader;
    private WorkerRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/echo", exchange -> {
            seenHeaders.set(exchange.getRequestHeaders().getFirst("X-Test") + " "
                    + exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.createContext("/slow", exchange -> {
            try {
                neverReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        loader = WorkerLoader.create();
        runtime = WorkerRuntime.create(config(base), loader);
    }

    @AfterEach
    void stop() throws IOException {
        runtime.close();
        loader.close();
        neverReleased.countDown();
        upstream.stop(0);
    }

    @Test
    void routedRequestRecordsRouteWorkerAndAccountInTheScope() {
        RequestScope scope = RequestScope.create();

        Response response = runtime.dispatcher().dispatch(scope,
                Request.get("http://localhost/echo/x"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("\"requestId\":\"" + scope.requestId() + "\"")
                .contains("\"url\":\"http://localhost/echo/x\"");
        assertThat(scope.route()).isEqualTo("/echo/*");
        assertThat(scope.entryWorker()).isEqualTo("echo");
        assertThat(scope.account()).isEqualTo("acme");
        assertThat(scope.invocations()).isEqualTo(1);
    }

    @Test
    void unroutedRequestAnswers404JsonAndLeavesTheScopeUnrouted() {
        RequestScope scope = RequestScope.create();

        Response response = runtime.dispatcher().dispatch(scope,
                Request.get("http://localhost/elsewhere"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).contains("\"error\":\"not_found\"")
                .contains("'/elsewhere'").contains(scope.requestId());
        assertThat(scope.route()).isNull();
        assertThat(scope.entryWorker()).isNull();
    }

    @Test
    void outboundFetchReachesTheUpstreamAndCountsAsASubrequest() {
        RequestScope scope = RequestScope.create();

        Response response = runtime.dispatcher().dispatch(scope,
                Request.get("http://localhost/fetch"));

        assertThat(response.text()).isEqualTo("201 ping");
        assertThat(seenHeaders.get()).startsWith("yes 127.0.0.1:");
        assertThat(scope.subrequests()).isEqualTo(1);
    }

    @Test
    void outboundFetchTimesOut() throws IOException {
        String slow = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/slow";
        try (var fetch = new OutboundFetch(Duration.ofSeconds(2), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> fetch.fetch(Request.get(slow)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThatThrownBy(() -> fetch.fetch(Request.get("ftp://127.0.0.1/x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only http and https");
        }
    }

    private BinderyConfig config(String base) {
        String yaml = """
                workers:
                  - { name: echo, class: %1$sEcho, account: acme, routes: ["/echo/*"] }
                  - { name: fetch, class: %1$sFetcher, routes: [/fetch],
                      vars: { TARGET: "%2$s/echo" } }
                """.formatted(WORKERS, base);
        return ConfigLoader.create(loader, Map.<String, String>of()::get, name -> null)
                .load("dispatcher-test.yaml", yaml, Path.of(""));
    }
}
