package io.bindery.server.http.dashboard;

import io.bindery.billing.RecentRecords;
import io.bindery.worker.Response;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Serves the request-lifetime dashboard on the admin listener: the page at {@code /}, its
 * assets under {@value #ASSETS}, the browser sign-in, and the totals of {@value #ACCOUNTS}.
 *
 * <p>Sign-in works as in notebook servers: {@code GET /?token=<admin token>} checks the token,
 * sets an HttpOnly, SameSite=Strict session cookie and answers 303 to {@code /}, so the token
 * leaves the address bar. The page and its API calls then carry the cookie. The cookie holds
 * a random secret made when this object is created, never the token; it lasts until the
 * browser closes or the server restarts. Without token, bearer header or cookie, the page's
 * paths answer a 401 HTML page. Thread-safe.
 */
public final class Dashboard {

    /** The path of the per-account totals, answered with the admin token or the cookie. */
    public static final String ACCOUNTS = "/api/accounts";

    /** The path prefix of the page's scripts and styles. */
    public static final String ASSETS = "/dashboard/";
    /** The prefix of the session cookie's name; the public listener never forwards it. */
    public static final String COOKIE_PREFIX = "bindery-dashboard-";

    private final byte[] token;
    private final SessionCookie session;
    private final Assets assets;

    private Dashboard(String token, SessionCookie session, Assets assets) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.session = session;
        this.assets = assets;
    }

    /**
     * Creates the dashboard and loads its page and assets from the class path.
     *
     * @param token the admin token that {@code /?token=} must match
     * @return the dashboard
     * @throws IllegalStateException when a resource under {@code dashboard/} is missing
     */
    public static Dashboard create(String token) {
        return new Dashboard(token, SessionCookie.create(), Assets.load());
    }

    /**
     * Writes the sign-in link that the server prints at start.
     *
     * @param adminUrl the admin listener's base URL, such as {@code http://127.0.0.1:9090}
     * @param token the admin token
     * @return {@code adminUrl + "/?token=" + token}
     */
    public static String link(String adminUrl, String token) {
        return adminUrl + "/?token=" + token;
    }

    /**
     * Tells whether a path belongs to the dashboard's page rather than to the admin API.
     *
     * @param path the raw request path
     * @return true for {@code /} and paths under {@value #ASSETS}
     */
    public boolean serves(String path) {
        return path.equals("/") || path.startsWith(ASSETS);
    }

    /**
     * Tells whether a request carries this server's session cookie.
     *
     * @param request the request
     * @return true if the cookie is present and valid
     */
    public boolean signedIn(ServerRequest request) {
        return session.presentIn(request);
    }

    /**
     * Answers a GET for the page or an asset: signs in with {@code ?token=}, serves the file
     * to a signed-in browser or a bearer client, or answers the 401 page.
     *
     * @param request the request, whose path {@link #serves} accepted
     * @param bearer whether the request carried the admin token as a bearer token
     * @return the response
     */
    public Response page(ServerRequest request, boolean bearer) {
        String path = request.prologue().uriPath().rawPath();
        Optional<String> given = request.query().first("token").asOptional();
        if (path.equals("/") && given.isPresent()) {
            return signIn(given.get(), request);
        }
        if (!bearer && !signedIn(request)) {
            return Assets.unauthorized();
        }
        return assets.serve(path);
    }

    /**
     * Answers {@value #ACCOUNTS}: the totals per account over the records the window holds.
     *
     * @param recent the window of recent billing records
     * @return a 200 JSON response
     */
    public Response accounts(RecentRecords recent) {
        return Response.json(200, AccountTotals.json(recent));
    }

    private Response signIn(String given, ServerRequest request) {
        byte[] bytes = given.trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(bytes, token)) {
            return Assets.unauthorized();
        }
        return Assets.secured(Response.builder(303))
                .header("Location", "/")
                .header("Set-Cookie", session.header(request))
                .build();
    }
}
