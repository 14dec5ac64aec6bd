package io.bindery.agent.trace;

import io.bindery.agent.bootstrap.ClientCall;
import io.bindery.agent.bootstrap.FrameScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Tracks one outbound HTTP call as an http client span: started with the semantic-convention
 * attributes of the request, ended once with the status code or the failure.
 *
 * <p>Thread-safe; only the first {@link #end} counts.
 */
public final class HttpCall implements ClientCall {

    private final SpanFrame frame;
    private final Object request;
    private final AtomicBoolean ended = new AtomicBoolean();

    private HttpCall(SpanFrame frame, Object request) {
        this.frame = frame;
        this.request = request;
    }

    /**
     * Starts an http span as a child of a frame and prepares the request to send.
     *
     * @param parent the frame the call is made in
     * @param method the HTTP method
     * @param url the absolute URL
     * @param prepare given the http span's context, returns the request to send with trace
     *     headers (or writes them into the request and returns {@code null})
     * @return the call
     */
    public static HttpCall start(SpanFrame parent, String method, URI url,
            Function<Context, Object> prepare) {
        String upper = method.toUpperCase(Locale.ROOT);
        Span span = parent.childBuilder(upper, SpanKind.CLIENT)
                .setAttribute(SpanKeys.SPAN, "http")
                .setAttribute(SpanKeys.HTTP_METHOD, upper)
                .setAttribute(SpanKeys.URL_FULL, withoutUserInfo(url))
                .setAttribute(SpanKeys.SERVER_ADDRESS, String.valueOf(url.getHost()))
                .setAttribute(SpanKeys.SERVER_PORT, (long) port(url))
                .startSpan();
        SpanFrame frame = parent.child(span, true);
        return new HttpCall(frame, prepare.apply(frame.context()));
    }

    /** @return the frame of the http span */
    public SpanFrame frame() {
        return frame;
    }

    @Override
    public Object request() {
        return request;
    }

    @Override
    public FrameScope open() {
        return frame.open();
    }

    @Override
    public void end(Object response, Throwable error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Span span = frame.span();
        int status = statusOf(response, error);
        if (status > 0) {
            span.setAttribute(SpanKeys.HTTP_STATUS, (long) status);
        }
        if (error == null && status >= 400) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(SpanKeys.ERROR_TYPE, Integer.toString(status));
        }
        frame.end(error);
    }

    @Override
    public void endWhenDone(Object future) {
        ((CompletableFuture<?>) future).whenComplete((response, error) -> end(response,
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error));
    }

    private static int statusOf(Object response, Throwable error) {
        if (response instanceof HttpResponse<?> http) {
            return http.statusCode();
        }
        if (response instanceof HttpURLConnection connection && error == null) {
            return cachedStatus(connection);
        }
        return response instanceof Integer code ? code : -1;
    }

    /** Reads the status of a connection whose response was read: parsed once, no I/O. */
    private static int cachedStatus(HttpURLConnection connection) {
        try {
            return connection.getResponseCode();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "REDACTED:REDACTED@");
    }
}
