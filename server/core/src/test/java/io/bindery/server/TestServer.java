package io.bindery.server;

import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.BinderyTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a real Bindery server on free ports for a test, and talks to it over real HTTP.
 */
public final class TestServer implements AutoCloseable {

    /** The admin token of every test server. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final BinderyServer server;
    private final WorkerLoader loader;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServer(BinderyServer server, WorkerLoader loader) {
        this.server = server;
        this.loader = loader;
    }

    /**
     * Writes a configuration into a folder and starts a server for it on free ports.
     *
     * @param dir the folder; the file is {@code bindery.yaml} in it
     * @param yaml the configuration
     * @return the running server
     */
    public static TestServer start(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve("bindery.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var loader = WorkerLoader.create();
        var config = ConfigLoader.create(loader, name -> freePorts(name), System::getProperty)
                .load(dir.resolve("bindery.yaml"));
        return start(config, loader, () -> null);
    }

    /**
     * Starts a server for a loaded configuration.
     *
     * @param config the configuration, whose ports should be 0
     * @param loader the loader that checked it
     * @param telemetry the telemetry the admin API reads
     * @return the running server
     */
    public static TestServer start(BinderyConfig config, WorkerLoader loader,
            Supplier<BinderyTelemetry> telemetry) {
        var runtime = WorkerRuntime.create(config, loader);
        return new TestServer(BinderyServer.start(runtime, ADMIN_TOKEN, telemetry), loader);
    }

    /**
     * Looks up environment variables, except that both listener ports are 0.
     *
     * @param name the variable
     * @return its value
     */
    public static String freePorts(String name) {
        return Map.of("BINDERY_PORT", "0", "BINDERY_ADMIN_PORT", "0").getOrDefault(name,
                System.getenv(name));
    }

    /** @return the running server */
    public BinderyServer server() {
        return server;
    }

    /**
     * Sends a GET to the public listener.
     *
     * @param path the path, with query
     * @param headers name and value pairs
     * @return the response
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(server.publicUrl() + path, headers).GET().build());
    }

    /**
     * Sends a POST to the public listener.
     *
     * @param path the path
     * @param body the body
     * @param headers name and value pairs
     * @return the response
     */
    public HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(server.publicUrl() + path, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Sends a GET to the admin listener.
     *
     * @param path the path
     * @param headers name and value pairs
     * @return the response
     */
    public HttpResponse<String> admin(String path, String... headers) {
        return send(request(server.adminUrl() + path, headers).GET().build());
    }

    /**
     * Sends any request.
     *
     * @param request the request
     * @return the response
     */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } finally {
            client.close();
            loader.close();
        }
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }
}
