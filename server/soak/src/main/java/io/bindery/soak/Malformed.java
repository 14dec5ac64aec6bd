package io.bindery.soak;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One kind of malformed request the bad-input scenario mixes into normal load, with the answer
 * the server must give it.
 *
 * @param label the kind's name in the report
 * @param request the bytes written
 * @param endOutput whether the client shuts its sending side after writing (a truncated body)
 * @param expectedStatus the status the server must answer, or {@link #CLOSED}
 * @param traced whether the answer must carry {@code traceresponse} (dispatched and billed)
 */
record Malformed(String label, byte[] request, boolean endOutput, int expectedStatus,
        boolean traced) {

    /** The expected "status" of a request the server answers by closing the connection. */
    static final int CLOSED = 0;

    /** Larger than the default {@code limits.maxHeaderSize} of 128 KiB. */
    private static final int HUGE_HEADER = 200 * 1024;
    /** Longer than the default {@code limits.maxUrlLength} of 16 KiB. */
    private static final int LONG_PATH = 20 * 1024;
    /** More than the default {@code limits.maxHeaderCount} of 100. */
    private static final int MANY_HEADERS = 150;
    /** More than the default {@code limits.maxRequestBodySize} of 10 MiB. */
    private static final long HUGE_BODY = 64L * 1024 * 1024;

    /**
     * Returns every kind, for a server whose demo token is given.
     *
     * @param token a valid session token
     * @return the kinds
     */
    static List<Malformed> all(String token) {
        String auth = "Authorization: Bearer " + token + "\r\n";
        return List.of(
                new Malformed("bad-json", post("/login", "{\"username\": \"alice\", pass"),
                        false, 400, true),
                new Malformed("huge-header", head("GET /getuser", auth + "X-Pad: "
                        + "a".repeat(HUGE_HEADER) + "\r\n"), false, 431, true),
                new Malformed("many-headers", head("GET /getuser", auth
                        + manyHeaders()), false, 431, true),
                new Malformed("body-too-large", head("POST /login", "Content-Length: "
                        + HUGE_BODY + "\r\n"), false, 413, true),
                new Malformed("truncated-body", truncated(), true, 400, false),
                new Malformed("bad-traceparent", head("GET /getuser", auth
                        + "traceparent: 00-zz-not-a-trace\r\n"), false, 200, true),
                new Malformed("long-url", head("GET /" + "a".repeat(LONG_PATH), ""), false,
                        414, false),
                new Malformed("no-path", bytes("GET  HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                        false, 400, false),
                new Malformed("header-without-colon", head("GET /getuser", auth
                        + "NoColonHere\r\n"), false, 400, false),
                new Malformed("not-http", bytes("NOT HTTP AT ALL\r\n\r\n"), false, CLOSED,
                        false));
    }

    private static byte[] post(String path, String body) {
        return head("POST " + path, "Content-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n", body);
    }

    private static byte[] truncated() {
        return head("POST /login", "Content-Type: application/json\r\nContent-Length: 200\r\n",
                "{\"username\": \"al");
    }

    private static String manyHeaders() {
        var headers = new StringBuilder();
        for (int i = 0; i < MANY_HEADERS; i++) {
            headers.append("X-Soak-").append(i).append(": ").append(i).append("\r\n");
        }
        return headers.toString();
    }

    private static byte[] head(String methodAndPath, String headers) {
        return head(methodAndPath, headers, "");
    }

    private static byte[] head(String methodAndPath, String headers, String body) {
        return bytes(methodAndPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n"
                + body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
