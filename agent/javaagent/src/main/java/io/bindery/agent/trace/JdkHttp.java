package io.bindery.agent.trace;

import io.opentelemetry.context.Context;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;

/**
 * Starts http spans for the JDK's own clients and puts the trace headers on their requests.
 */
final class JdkHttp {

    private JdkHttp() {
    }

    /** Starts a span for an {@code HttpClient} request; the call carries a rebuilt request. */
    static HttpCall start(SpanFrame parent, HttpRequest request) {
        return HttpCall.start(parent, request.method(), request.uri(),
                context -> withTraceHeaders(request, context));
    }

    /** Starts a span for a connection that is not connected yet; writes its headers. */
    static HttpCall start(SpanFrame parent, HttpURLConnection connection) {
        return HttpCall.start(parent, connection.getRequestMethod(), uri(connection), context -> {
            TraceHeaders.inject(context, connection::setRequestProperty);
            return null;
        });
    }

    private static HttpRequest withTraceHeaders(HttpRequest request, Context context) {
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        TraceHeaders.inject(context, copy::setHeader);
        return copy.build();
    }

    private static URI uri(HttpURLConnection connection) {
        try {
            return connection.getURL().toURI();
        } catch (URISyntaxException e) {
            return URI.create("http://invalid/");
        }
    }
}
