package io.bindery.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the demo's upstream user service on a loopback port and remembers the
 * {@code traceparent} of every request it received.
 *
 * <p>Answers {@code GET /users/{name}} with a small JSON record, any other path with 404.
 * Thread-safe.
 */
public final class TestUpstream implements AutoCloseable {

    private final HttpServer server;
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    private TestUpstream(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the upstream on a free loopback port.
     *
     * @return the running upstream
     * @throws IOException when it cannot listen
     */
    public static TestUpstream start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0);
        var upstream = new TestUpstream(server);
        server.createContext("/", upstream::handle);
        server.start();
        return upstream;
    }

    /** @return the base URL, such as {@code http://127.0.0.1:40123} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the {@code traceparent} values received, in order; "none" when absent */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        traceparents.add(traceparent == null ? "none" : traceparent);
        String path = exchange.getRequestURI().getPath();
        int status = path.startsWith("/users/") ? 200 : 404;
        String body = status == 200 ? "{\"username\":\"" + path.substring(7)
                + "\",\"name\":\"Test User\"}" : "{\"error\":\"not_found\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
