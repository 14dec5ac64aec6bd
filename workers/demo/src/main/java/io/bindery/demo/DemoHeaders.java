package io.bindery.demo;

import io.bindery.worker.Request;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the header fields the demo workers exchange, and reads bearer tokens.
 */
public final class DemoHeaders {

    /** Carries the user name that {@code auth} verified; set by the gateway only. */
    public static final String AUTHENTICATED_USER = "X-Authenticated-User";

    private static final String BEARER = "bearer ";

    private DemoHeaders() {
    }

    /**
     * Returns the token of an {@code Authorization: Bearer <token>} header.
     *
     * @param request the request
     * @return the token, or empty when the header is absent, of another scheme or empty
     */
    public static Optional<String> bearerToken(Request request) {
        return request.headers().first("Authorization")
                .filter(value -> value.length() > BEARER.length()
                        && value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT)
                                .equals(BEARER))
                .map(value -> value.substring(BEARER.length()).trim())
                .filter(token -> !token.isEmpty());
    }
}
