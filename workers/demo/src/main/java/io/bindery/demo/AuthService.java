package io.bindery.demo;

/**
 * Verifies session tokens: the typed interface that {@code auth} serves to the gateway through
 * {@code env.service("auth", AuthService.class)}.
 */
public interface AuthService {

    /**
     * Checks a bearer token against the session store.
     *
     * @param bearerToken the token from {@code Authorization: Bearer <token>}; {@code null}
     *     when the request carries none
     * @return the session's user, or why there is none
     */
    Session verify(String bearerToken);

    /**
     * Answers a token check: the user of a live session, or the reason it was refused.
     *
     * @param username the session's user; {@code null} when refused
     * @param error why the token was refused, as a full sentence; {@code null} when valid
     */
    record Session(String username, String error) {

        /**
         * Returns whether the token belongs to a live session.
         *
         * @return {@code true} when {@link #username} is set
         */
        public boolean valid() {
            return username != null;
        }
    }
}
