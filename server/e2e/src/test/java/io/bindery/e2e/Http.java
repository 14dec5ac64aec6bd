package io.bindery.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends the tests' requests to forked servers; thread-safe. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /**
     * Sends a GET.
     *
     * @param uri the URI
     * @param headers alternating header names and values
     * @return the response, body as text
     */
    public static HttpResponse<String> get(URI uri, String... headers) {
        return send(builder(uri, headers).GET().build());
    }

    /**
     * Sends a POST with a JSON body.
     *
     * @param uri the URI
     * @param json the body
     * @param headers alternating header names and values
     * @return the response, body as text
     */
    public static HttpResponse<String> post(URI uri, String json, String... headers) {
        return send(builder(uri, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Returns the trace id a response names in its {@code traceresponse} header.
     *
     * @param response the response
     * @return 32 hex characters
     * @throws AssertionError when the header is missing
     */
    public static String traceId(HttpResponse<?> response) {
        return traceResponse(response).split("-")[1];
    }

    /**
     * Returns the {@code traceresponse} header of a response.
     *
     * @param response the response
     * @return its value
     * @throws AssertionError when the header is missing
     */
    public static String traceResponse(HttpResponse<?> response) {
        return response.headers().firstValue("traceresponse").orElseThrow(() ->
                new AssertionError("No traceresponse header in " + response.headers().map()));
    }

    private static HttpRequest.Builder builder(URI uri, String... headers) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }
}
