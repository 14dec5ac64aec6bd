package io.bindery.worker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Describes an HTTP response: status, headers and a body held in memory.
 *
 * <p>Responses are immutable and safe to share between threads and workers.
 */
public final class Response {

    /** The content type of JSON bodies made by {@link #json(int, String)}. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    /** The content type of text bodies made by {@link #text(int, String)}. */
    public static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

    private final int status;
    private final Headers headers;
    private final byte[] body;

    private Response(int status, Headers headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Returns a plain-text response.
     *
     * @param status the HTTP status
     * @param text the body text, sent as UTF-8
     * @return the response
     */
    public static Response text(int status, String text) {
        return builder(status).header("Content-Type", TEXT_CONTENT_TYPE).body(text).build();
    }

    /**
     * Returns a JSON response from JSON text.
     *
     * @param status the HTTP status
     * @param json the JSON text
     * @return the response
     */
    public static Response json(int status, String json) {
        return builder(status).header("Content-Type", JSON_CONTENT_TYPE).body(json).build();
    }

    /**
     * Returns a JSON response that renders a value with {@link Json#write(Object)}.
     *
     * @param status the HTTP status
     * @param value maps, lists, strings, numbers, booleans and {@code null}, nested freely
     * @return the response
     */
    public static Response json(int status, Object value) {
        return json(status, Json.write(value));
    }

    /**
     * Returns a response with no body.
     *
     * @param status the HTTP status
     * @return the response
     */
    public static Response status(int status) {
        return builder(status).build();
    }

    /**
     * Starts building a response.
     *
     * @param status the HTTP status, 100 to 599
     * @return the builder
     */
    public static Builder builder(int status) {
        return new Builder(status);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
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
     * Starts a builder holding a copy of this response.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(status).headers(headers).body(body);
    }

    @Override
    public String toString() {
        return "Response " + status + " (" + body.length + " body bytes)";
    }

    /** Builds a {@link Response}; not thread-safe. */
    public static final class Builder {

        private final int status;
        private Headers.Builder headers = Headers.builder();
        private byte[] body = new byte[0];

        private Builder(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException(
                        "HTTP status " + status + " is out of range; use 100 to 599.");
            }
            this.status = status;
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
         * Builds the immutable response.
         *
         * @return the response
         */
        public Response build() {
            return new Response(status, headers.build(), body);
        }
    }
}
