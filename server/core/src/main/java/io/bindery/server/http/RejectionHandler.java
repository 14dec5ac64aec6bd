package io.bindery.server.http;

import io.bindery.server.runtime.Dispatcher;
import io.bindery.server.runtime.LimitErrors;
import io.bindery.server.runtime.LimitExceededException;
import io.bindery.server.runtime.RequestLimits;
import io.bindery.server.runtime.RequestScope;
import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.util.function.Supplier;

/**
 * Answers the requests Helidon refuses on the public listener before routing, for the limits
 * it enforces there: a {@code Content-Length} above the largest {@code maxRequestBodySize}
 * (413), header fields above {@code maxHeaderSize} (Helidon says 400; answered 431) and a
 * request line above {@code maxUrlLength} (414).
 *
 * <p>When Helidon knows the method and path, the request goes through
 * {@link Dispatcher#dispatch} as a rejected request, so that it is routed, traced and billed
 * to the entry worker's account like any other; the answer is the dispatcher's JSON. A request
 * line too long to parse has no method or path, so it is answered without being billed. Other
 * malformed requests keep Helidon's own answer. Called on the connection's thread;
 * thread-safe.
 */
final class RejectionHandler implements DirectHandler {

    /** What Helidon's HTTP/1 header parser reports when the headers are too large. */
    static final String HEADER_SIZE_EXCEEDED = "Header size exceeded";

    private final Dispatcher dispatcher;
    private final Supplier<String> baseUrl;

    RejectionHandler(Dispatcher dispatcher, Supplier<String> baseUrl) {
        this.dispatcher = dispatcher;
        this.baseUrl = baseUrl;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType,
            Status defaultStatus, ServerResponseHeaders responseHeaders, String message) {
        LimitExceededException error = limit(request, defaultStatus, message);
        if (error == null) {
            return DirectHandler.defaultHandler().handle(request, eventType, defaultStatus,
                    responseHeaders, message);
        }
        RequestScope scope = RequestScope.create();
        Response answer = known(request) ? dispatch(scope, request, error)
                : dispatcher.refuse(scope, error);
        return transport(answer, responseHeaders);
    }

    private LimitExceededException limit(TransportRequest request, Status status,
            String message) {
        RequestLimits limits = dispatcher.limits(known(request) ? request.path() : "/");
        if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            String length = request.headers().first(HeaderNames.CONTENT_LENGTH).orElse(null);
            return LimitErrors.requestBody(limits, length == null ? "a chunked body too large"
                    : "a Content-Length of " + length + " bytes");
        }
        if (status.code() == Status.REQUEST_URI_TOO_LONG_414.code()) {
            return LimitErrors.urlLength(limits);
        }
        if (status.code() == Status.BAD_REQUEST_400.code()
                && HEADER_SIZE_EXCEEDED.equals(message)) {
            return LimitErrors.headerSize(limits);
        }
        return null;
    }

    private Response dispatch(RequestScope scope, TransportRequest request,
            LimitExceededException error) {
        var headers = Headers.builder();
        for (Header header : request.headers()) {
            header.allValues().forEach(value -> headers.add(header.name(), value));
        }
        String host = request.headers().first(HeaderNames.HOST).orElse(null);
        String base = host == null ? baseUrl.get() : "http://" + host;
        Request refused;
        try {
            refused = Request.builder(request.method(), base + request.path())
                    .headers(headers.build()).build();
        } catch (IllegalArgumentException e) {
            return dispatcher.refuse(scope, error);
        }
        scope.reject(error);
        return dispatcher.dispatch(scope, refused);
    }

    private static boolean known(TransportRequest request) {
        return !request.method().isBlank() && request.path().startsWith("/");
    }

    private static TransportResponse transport(Response answer, ServerResponseHeaders base) {
        var out = TransportResponse.builder()
                .status(Status.create(answer.status()))
                .headers(base)
                .keepAlive(false);
        for (String name : answer.headers().names()) {
            out.header(HeaderNames.create(name),
                    answer.headers().all(name).toArray(String[]::new));
        }
        return out.entity(answer.body()).build();
    }
}
