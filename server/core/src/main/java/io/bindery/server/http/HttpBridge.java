package io.bindery.server.http;

import io.bindery.server.http.dashboard.Dashboard;
import io.bindery.server.runtime.LimitErrors;
import io.bindery.server.runtime.RequestLimits;
import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Converts between Helidon's request and response types and the worker API's values, and
 * checks the request-size limits that apply after routing: header count and body size.
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
     *
     * @throws io.bindery.server.runtime.LimitExceededException when the request has more
     *     header fields than {@code maxHeaderCount}, or its body is larger than
     *     {@code maxRequestBodySize}: a too large {@code Content-Length} is refused before any
     *     of the body is read, a chunked body once one byte more than the limit has arrived
     * @throws IncompleteBodyException when the connection ended inside the body
     */
    static Request toRequest(ServerRequest request, RequestLimits limits) {
        Request.Builder builder = head(request);
        int count = headerCount(request);
        if (count > limits.maxHeaderCount()) {
            throw LimitErrors.headerCount(limits, count);
        }
        if (request.content().hasEntity()) {
            builder.body(body(request, limits));
        }
        return builder.build();
    }

    /**
     * Reads a Helidon request without its body, for a request refused before its body is read.
     *
     * @param request the request
     * @return the request, headers included, body empty
     */
    static Request toRequestHead(ServerRequest request) {
        return head(request).build();
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

    private static Request.Builder head(ServerRequest request) {
        String target = request.prologue().uriPath().rawPath() + query(request);
        return Request.builder(request.prologue().method().text(), base(request) + target)
                .headers(headers(request));
    }

    private static int headerCount(ServerRequest request) {
        int count = 0;
        for (Header header : request.headers()) {
            count += header.allValues().size();
        }
        return count;
    }

    private static byte[] body(ServerRequest request, RequestLimits limits) {
        long max = limits.maxRequestBodySize();
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > max) {
            throw LimitErrors.requestBody(limits, "a Content-Length of " + declared.getAsLong()
                    + " bytes");
        }
        int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
        byte[] body;
        try {
            // Not closed: closing would drain the rest of an oversized body.
            InputStream in = request.content().inputStream();
            body = in.readNBytes(cap);
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw new IncompleteBodyException(declared);
        } catch (RequestException e) {
            if (e.status() != Status.REQUEST_ENTITY_TOO_LARGE_413) {
                throw e;
            }
            body = null;
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read.", e);
        }
        if (body == null || body.length > max) {
            throw LimitErrors.requestBody(limits, "a chunked body of more than " + max
                    + " bytes");
        }
        return body;
    }

    private static String query(ServerRequest request) {
        String raw = request.prologue().query().rawValue();
        return raw == null || raw.isEmpty() ? "" : "?" + raw;
    }

    private static String base(ServerRequest request) {
        String scheme = request.isSecure() ? "https://" : "http://";
        String host = request.headers().first(HeaderNames.HOST).orElse("");
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
            boolean cookie = header.headerName().equals(HeaderNames.COOKIE);
            for (String value : header.allValues()) {
                String kept = cookie ? withoutDashboardCookies(value) : value;
                if (!kept.isEmpty()) {
                    headers.add(header.name(), kept);
                }
            }
        }
        return headers.build();
    }

    /**
     * Removes the admin dashboard's session cookie from a Cookie header value. Browsers send a
     * host's cookies to every port of it, and that session must never reach a worker.
     */
    static String withoutDashboardCookies(String cookieHeader) {
        if (!cookieHeader.contains(Dashboard.COOKIE_PREFIX)) {
            return cookieHeader;
        }
        var kept = new StringJoiner("; ");
        for (String pair : cookieHeader.split(";")) {
            String trimmed = pair.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith(Dashboard.COOKIE_PREFIX)) {
                kept.add(trimmed);
            }
        }
        return kept.toString();
    }
}
