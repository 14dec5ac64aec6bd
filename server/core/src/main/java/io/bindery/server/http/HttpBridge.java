package io.bindery.server.http;

import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Converts between Helidon's request and response types and the worker API's values.
 */
final class HttpBridge {

    /** Fields that belong to one connection, or that Helidon sets from the body itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection",
            "content-length");

    private HttpBridge() {
    }

    /**
     * Reads a Helidon request, body included, into an API request with an absolute URL built
     * from the Host header, or from the listener's address when that header is unusable.
     */
    static Request toRequest(ServerRequest request) {
        String target = request.prologue().uriPath().rawPath() + query(request);
        var builder = Request.builder(request.prologue().method().text(),
                base(request) + target);
        builder.headers(headers(request));
        if (request.content().hasEntity()) {
            builder.body(request.content().as(byte[].class));
        }
        return builder.build();
    }

    /** Writes an API response: status, every header field, and the body. */
    static void write(Response response, ServerResponse out) {
        out.status(response.status());
        for (String name : response.headers().names()) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                out.header(name, response.headers().all(name).toArray(String[]::new));
            }
        }
        int status = response.status();
        if (status < 200 || status == 204 || status == 304) {
            out.send();
        } else {
            out.send(response.body());
        }
    }

    private static String query(ServerRequest request) {
        String raw = request.prologue().query().rawValue();
        return raw == null || raw.isEmpty() ? "" : "?" + raw;
    }

    private static String base(ServerRequest request) {
        String scheme = request.isSecure() ? "https://" : "http://";
        String host = request.headers().first(io.helidon.http.HeaderNames.HOST).orElse("");
        if (!host.isBlank() && validAuthority(scheme + host)) {
            return scheme + host;
        }
        String address = request.localPeer().host();
        address = address.contains(":") && !address.startsWith("[") ? "[" + address + "]"
                : address;
        return scheme + address + ":" + request.localPeer().port();
    }

    private static boolean validAuthority(String base) {
        try {
            URI uri = URI.create(base + "/");
            return uri.getHost() != null && uri.getRawPath().equals("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Headers headers(ServerRequest request) {
        var headers = Headers.builder();
        for (Header header : request.headers()) {
            for (String value : header.allValues()) {
                headers.add(header.name(), value);
            }
        }
        return headers.build();
    }
}
