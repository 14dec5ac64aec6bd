package io.bindery.server.http.dashboard;

import io.bindery.worker.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds the dashboard's files, read once from the class path folder {@value #FOLDER}, and
 * answers them with headers that keep the page to its own origin. Thread-safe.
 *
 * <p>Every answer carries a Content-Security-Policy that allows scripts, styles and fetches
 * from the admin listener only, so the page runs without internet access and injected markup
 * cannot run script; {@code no-referrer} keeps a sign-in link out of Referer headers.
 */
final class Assets {

    static final String FOLDER = "dashboard/";

    private static final String POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            Dashboard.ASSETS + "dashboard.js", "dashboard.js",
            Dashboard.ASSETS + "dashboard.css", "dashboard.css");

    private static final byte[] UNAUTHORIZED = read("unauthorized.html");

    private final Map<String, byte[]> contents;

    private Assets(Map<String, byte[]> contents) {
        this.contents = contents;
    }

    static Assets load() {
        var contents = new HashMap<String, byte[]>();
        FILES.forEach((path, file) -> contents.put(path, read(file)));
        return new Assets(Map.copyOf(contents));
    }

    /** Answers one file, or 404 for a path under the assets folder that holds nothing. */
    Response serve(String path) {
        byte[] body = contents.get(path);
        if (body == null) {
            return secured(Response.builder(404))
                    .header("Content-Type", Response.TEXT_CONTENT_TYPE)
                    .body("The dashboard has no file '" + path + "'; open / instead.")
                    .build();
        }
        return secured(Response.builder(200))
                .header("Content-Type", contentType(FILES.get(path)))
                .body(body)
                .build();
    }

    /** Answers the 401 page, which tells how to sign in and shows nothing of the server. */
    static Response unauthorized() {
        return secured(Response.builder(401))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("WWW-Authenticate", "Bearer realm=\"bindery\"")
                .header("Content-Type", "text/html; charset=utf-8")
                .body(UNAUTHORIZED)
                .build();
    }

    /** Adds the headers every dashboard answer carries. */
    static Response.Builder secured(Response.Builder builder) {
        return builder.header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    }

    private static byte[] read(String file) {
        String name = FOLDER + file;
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard resource '" + name + "' is not "
                        + "on the class path; rebuild bindery-server so its jar contains it.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard resource '" + name + "'", e);
        }
    }
}
