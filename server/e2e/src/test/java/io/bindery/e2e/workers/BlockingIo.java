package io.bindery.e2e.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does one blocking operation of each kind the agent times, on the request's thread and on
 * pool threads: a sleep, a file write and read, a JDBC query (H2 in memory), an
 * {@code HttpURLConnection} call and {@code HttpClient} {@code send} and {@code sendAsync} calls
 * to {@code UPSTREAM_URL}, and
 * sleeps handed to a thread pool, the common fork-join pool, a scheduled executor and a new
 * platform thread.
 */
public final class BlockingIo implements Worker {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) throws Exception {
        String upstream = env.variable("UPSTREAM_URL").orElseThrow();
        Thread.sleep(5);
        files();
        jdbc();
        urlConnection(upstream + "/users/url-connection");
        CLIENT.send(HttpRequest.newBuilder(URI.create(upstream + "/users/http-client")).build(),
                HttpResponse.BodyHandlers.ofString());
        CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(upstream + "/users/send-async"))
                .build(), HttpResponse.BodyHandlers.ofString()).get();
        POOL.submit(() -> sleep(11)).get();
        CompletableFuture.runAsync(() -> sleep(22)).get();
        TIMER.schedule(() -> sleep(33), 1, TimeUnit.MILLISECONDS).get();
        Thread platform = new Thread(() -> sleep(44));
        platform.start();
        platform.join();
        return Response.text(200, "done\n");
    }

    private static void files() throws IOException {
        Path file = Files.createTempFile("bindery-e2e", ".txt");
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("some bytes".getBytes()));
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(ByteBuffer.allocate(64));
        }
        Files.delete(file);
    }

    private static void jdbc() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:e2e");
                var statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
        }
    }

    private static void urlConnection(String url) throws IOException {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
