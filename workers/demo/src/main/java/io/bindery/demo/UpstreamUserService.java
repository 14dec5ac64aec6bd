package io.bindery.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bindery.worker.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the demo's user records over real HTTP on loopback: the "outside world" that
 * {@code get-user} calls.
 *
 * <p>{@code GET /users/{username}} answers 200 with the user's JSON record, or 404 with a JSON
 * error; other paths 404 and other methods 405. Runs on the JDK's HTTP server with one virtual
 * thread per exchange. Start it with {@link #start(int)}, stop it with {@link #close()}.
 */
public final class UpstreamUserService implements AutoCloseable {

    private static final System.Logger LOGGER =
            System.getLogger(UpstreamUserService.class.getName());
    private static final String PREFIX = "/users/";

    private final HttpServer server;
    private final ExecutorService executor;

    private UpstreamUserService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the service on the loopback address.
     *
     * @param port the port, or 0 for any free port
     * @return the running service
     * @throws IOException when the port cannot be bound
     */
    public static UpstreamUserService start(int port) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", UpstreamUserService::handle);
        server.start();
        var service = new UpstreamUserService(server, executor);
        LOGGER.log(Level.INFO, () -> "Demo upstream user service on " + service.url());
        return service;
    }

    /**
     * Returns the base URL, such as {@code http://127.0.0.1:41234}.
     *
     * @return the URL, without a trailing slash
     */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** @return the port the service listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the service at once and closes its executor. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, Map.of("error", "method_not_allowed"));
            } else if (path.startsWith(PREFIX) && path.length() > PREFIX.length()) {
                String name = URLDecoder.decode(path.substring(PREFIX.length()),
                        StandardCharsets.UTF_8);
                send(exchange, DemoUsers.record(name));
            } else {
                send(exchange, 404, Map.of("error", "not_found", "message",
                        "Ask for GET /users/{username}."));
            }
        }
    }

    private static void send(HttpExchange exchange, java.util.Optional<Map<String, Object>> user)
            throws IOException {
        if (user.isPresent()) {
            send(exchange, 200, user.get());
        } else {
            send(exchange, 404, Map.of("error", "not_found", "message", "No such user."));
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body)
            throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
