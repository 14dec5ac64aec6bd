package io.bindery.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Makes the loopback fault fixtures: a closed port and HTTP servers on free ports.
 *
 * <p>The JDK's HTTP server closes keep-alive connections beyond 200 idle ones; a client that
 * reuses one at that moment gets a reset, which the demo answers 502. The fixtures raise that
 * cap (and the idle time), so that a healthy fixture never causes a 502 of its own.
 */
final class Fixtures {

    static {
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "600");
    }

    private Fixtures() {
    }

    /**
     * Returns a loopback port that nothing listens on: bound once, then closed, so connecting
     * to it is refused.
     *
     * @return the port
     */
    static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    /**
     * Starts an HTTP server on a loopback port, each exchange on its own virtual thread.
     *
     * @param port the port, 0 for a free one
     * @return the started server, without contexts
     */
    static HttpServer httpServer(int port) {
        try {
            var server = HttpServer.create(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port), 1024);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on loopback port " + port, e);
        }
    }

    /**
     * Reads a request body, waits, and answers.
     *
     * @param exchange the exchange
     * @param delay how long to wait before answering
     * @param status the status
     * @param contentType the answer's content type
     * @param body the answer's body
     * @return the request body's length in bytes
     * @throws IOException when the client went away
     */
    static int answer(HttpExchange exchange, Duration delay, int status, String contentType,
            String body) throws IOException {
        try (exchange) {
            int received = exchange.getRequestBody().readAllBytes().length;
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
