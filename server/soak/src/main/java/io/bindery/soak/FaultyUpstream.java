package io.bindery.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the demo's upstream user service on one loopback port, and can stop listening
 * (connections refused), answer late, or answer at once. Answers {@code GET /users/{name}}
 * with a small JSON record. Thread-safe; modes change while requests run.
 */
final class FaultyUpstream implements AutoCloseable {

    private final int port;
    private final AtomicLong answered = new AtomicLong();
    private volatile HttpServer server;
    private volatile Duration delay = Duration.ZERO;

    private FaultyUpstream(int port) {
        this.port = port;
    }

    /**
     * Starts the upstream on a free loopback port, answering at once.
     *
     * @return the running upstream
     */
    static FaultyUpstream start() {
        var upstream = new FaultyUpstream(Fixtures.closedPort());
        upstream.listen();
        return upstream;
    }

    /** @return the base URL, such as {@code http://127.0.0.1:40123} */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: connections to the port are refused until {@link #answerAfter}. */
    synchronized void refuse() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /**
     * Listens again if needed and answers every request after the given delay.
     *
     * @param wait the delay; zero answers at once
     */
    synchronized void answerAfter(Duration wait) {
        this.delay = wait;
        if (server == null) {
            listen();
        }
    }

    /** @return the requests answered so far */
    long answered() {
        return answered.get();
    }

    @Override
    public void close() {
        refuse();
    }

    private void listen() {
        server = Fixtures.httpServer(port);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean user = path.startsWith("/users/");
        String body = user ? "{\"username\":\"" + path.substring(7) + "\",\"name\":\"Soak\"}"
                : "{\"error\":\"not_found\"}";
        Fixtures.answer(exchange, delay, user ? 200 : 404, "application/json", body);
        answered.incrementAndGet();
    }
}
