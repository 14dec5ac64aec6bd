package io.bindery.worker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes an HTTP request: method, absolute URL, headers and a body held in memory.
 *
 * <p>Requests are immutable and safe to share between threads and workers. {@link #copy()} and
 * {@link #toBuilder()} make independent copies, for example to send one incoming request on to
 * two workers with different headers.
 */
public final class Request {

    private final String method;
    private final URI url;
    private final Headers headers;
    private final byte[] body;

    private Request(String method, URI url, Headers headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Starts building a request.
     *
     * @param method the HTTP method, such as {@code GET}; upper-cased
     * @param url the absolute URL, such as {@code http://localhost:8080/login}
     * @return a builder
     * @throws IllegalArgumentException when the URL is not absolute
     */
    public static Builder builder(String method, String url) {
        return new Builder(method, toUri(url));
    }

    /**
     * Returns a {@code GET} request with no headers.
     *
     * @param url the absolute URL
     * @return the request
     */
    public static Request get(String url) {
        return builder("GET", url).build();
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the absolute URL */
    public URI url() {
        return url;
    }

    /** @return the URL's path, {@code /} when it has none */
    public String path() {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** @return the headers */
    public Headers headers() {
        return headers;
    }

    /** @return a copy of the body's bytes; empty when there is no body */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body's length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /** @return the body decoded as UTF-8 */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns an independent copy of this request, body bytes included.
     *
     * @return the copy
     */
    public Request copy() {
        return new Request(method, url, headers, body.clone());
    }

    /**
     * Starts a builder holding a copy of this request.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(method, url).headers(headers).body(body);
    }

    @Override
    public String toString() {
        return method + " " + url + " (" + body.length + " body bytes)";
    }

    private static URI toUri(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Request URL '" + url + "' is not a valid URI: "
                    + e.getMessage() + ". Pass an absolute URL such as http://host/path.", e);
        }
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("Request URL '" + url + "' is relative; pass an "
                    + "absolute URL such as http://host/path.");
        }
        return uri;
    }

    /** Builds a {@link Request}; not thread-safe. */
    public static final class Builder {

        private String method;
        private URI url;
        private Headers.Builder headers = Headers.builder();
        private byte[] body = new byte[0];

        private Builder(String method, URI url) {
            method(method);
            this.url = url;
        }

        /**
         * Sets the HTTP method.
         *
         * @param method the method, such as {@code POST}; upper-cased
         * @return this builder
         */
        public Builder method(String method) {
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("An HTTP method must not be empty.");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the absolute URL.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = toUri(url);
            return this;
        }

        /**
         * Replaces all headers.
         *
         * @param headers the new headers
         * @return this builder
         */
        public Builder headers(Headers headers) {
            this.headers = headers.toBuilder();
            return this;
        }

        /**
         * Sets a header field to one value.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Removes a header field.
         *
         * @param name the field name
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Sets the body; the bytes are copied.
         *
         * @param body the body bytes
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Arrays.copyOf(body, body.length);
            return this;
        }

        /**
         * Sets the body to UTF-8 text.
         *
         * @param text the body text
         * @return this builder
         */
        public Builder body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Sets a JSON body and its content type.
         *
         * @param json the JSON text
         * @return this builder
         */
        public Builder json(String json) {
            header("Content-Type", Response.JSON_CONTENT_TYPE);
            return body(json);
        }

        /**
         * Builds the immutable request.
         *
         * @return the request
         */
        public Request build() {
            return new Request(method, url, headers.build(), body);
        }
    }
}
