package io.bindery.server.runtime;

import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Sends workers' HTTP requests to the outside world through one shared JDK
 * {@link HttpClient}.
 *
 * <p>Thread-safe; callers block their (virtual) thread until the whole response has arrived.
 * Header fields the JDK client manages itself ({@code Host}, {@code Content-Length},
 * {@code Connection} and the like) are left out of the outgoing request, and hop-by-hop fields
 * are left out of the returned response. The threads the client starts take nothing from
 * the worker that fetched (see {@code THREADS}), so they keep no worker version alive.
 *
 * <p>The client's own tasks (completing responses) run on a fixed pool of
 * {@link #EXECUTOR_THREADS} daemon threads named {@code bindery-fetch-N}: the JDK's default is
 * a cached pool that starts one platform thread per concurrent fetch, so a slow upstream
 * under load made hundreds of threads (found by the soak suite, {@code server/soak}).
 */
public final class OutboundFetch implements AutoCloseable {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length",
            "expect", "host", "upgrade", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-connection");

    /** The platform threads of the client's executor, whatever the number of fetches. */
    static final int EXECUTOR_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Makes the executor's threads. They are created on demand by whichever request fetches
     * first, so they must inherit nothing from it: neither its request scope (an inheritable
     * thread-local) nor its worker's context class loader, or they would keep that worker
     * version alive for as long as the server runs.
     */
    private static final ThreadFactory THREADS = new ThreadFactory() {
        private final ThreadFactory numbered = Thread.ofPlatform().name("bindery-fetch-", 1)
                .daemon().inheritInheritableThreadLocals(false).factory();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = numbered.newThread(task);
            thread.setContextClassLoader(OutboundFetch.class.getClassLoader());
            return thread;
        }
    };

    private final ExecutorService executor =
            Executors.newFixedThreadPool(EXECUTOR_THREADS, THREADS);
    private final HttpClient client;
    private final Duration requestTimeout;

    OutboundFetch(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends a request and waits for the whole response.
     *
     * @param request an absolute {@code http} or {@code https} request
     * @return the response, body included
     * @throws IOException when the server cannot be reached, fails, or does not answer within
     *     the configured time ({@link java.net.http.HttpTimeoutException})
     * @throws IllegalArgumentException when the URL's scheme is not http or https
     */
    public Response fetch(Request request) throws IOException {
        HttpRequest outgoing = toHttpRequest(request);
        try {
            return toResponse(client.send(outgoing, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var interrupted = new InterruptedIOException("The fetch of " + request.url()
                    + " was interrupted.");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Closes the HTTP client and its executor; calls in progress may fail. */
    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }

    private HttpRequest toHttpRequest(Request request) {
        String scheme = request.url().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Cannot fetch '" + request.url() + "': only "
                    + "http and https URLs can be fetched.");
        }
        var builder = HttpRequest.newBuilder(request.url()).timeout(requestTimeout);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        var body = request.bodyLength() == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        return builder.method(request.method(), body).build();
    }

    private static Response toResponse(HttpResponse<byte[]> response) {
        var headers = Headers.builder();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return Response.builder(response.statusCode())
                .headers(headers.build())
                .body(response.body())
                .build();
    }
}
