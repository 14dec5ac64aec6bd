package io.bindery.server.http.dashboard;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes and checks the dashboard's session cookie.
 *
 * <p>The value is a random 256-bit secret made at creation. The name carries the admin
 * listener's port, {@code bindery-dashboard-<port>}, because browsers share cookies between
 * ports of one host: two servers on one machine keep separate sessions. Thread-safe.
 */
final class SessionCookie {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = Dashboard.COOKIE_PREFIX;

    private final byte[] secret;

    private SessionCookie(String secret) {
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
    }

    static SessionCookie create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionCookie(HexFormat.of().formatHex(bytes));
    }

    /** Returns the {@code Set-Cookie} value for the listener that received the request. */
    String header(ServerRequest request) {
        return name(request) + "=" + new String(secret, StandardCharsets.US_ASCII)
                + "; Path=/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
    }

    /** Tells whether any Cookie header of the request carries this session. */
    boolean presentIn(ServerRequest request) {
        String name = name(request);
        List<String> headers = request.headers().all(HeaderNames.COOKIE, List::of);
        for (String header : headers) {
            for (String pair : header.split(";")) {
                if (matches(pair.trim(), name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matches(String pair, String name) {
        int equals = pair.indexOf('=');
        if (equals < 0 || !pair.substring(0, equals).equals(name)) {
            return false;
        }
        byte[] value = pair.substring(equals + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(value, secret);
    }

    private static String name(ServerRequest request) {
        return PREFIX + request.localPeer().port();
    }
}
