package io.bindery.server.http;

import io.bindery.billing.BillingJson;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.RecentRecords;
import io.bindery.ledger.DeployStore;
import io.bindery.ledger.Ledger;
import io.bindery.server.deploy.service.DeployService;
import io.bindery.server.http.dashboard.Dashboard;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.BinderyTelemetry;
import io.bindery.worker.Json;
import io.bindery.worker.Response;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Serves the admin listener: {@code /health} for load balancers, open to all; everything else
 * only with {@code Authorization: Bearer <admin token>} or the dashboard's session cookie.
 *
 * <p>The dashboard ({@link Dashboard}) owns {@code /} and {@code /dashboard/*}: a browser signs
 * in with {@code /?token=<admin token>}, which sets the cookie, and is then served the page;
 * without token or cookie those paths answer a 401 HTML page.
 *
 * <p>With the token: {@code GET /api/status} (workers, routes, bindings, uptime, agent),
 * {@code GET /metrics} (Prometheus text), {@code GET /api/requests?limit=N} (the newest billing
 * records first; default 50, at most the size of the recent-records window),
 * {@code GET /api/requests/{traceId}} (one record with its timeline) and
 * {@code GET /api/accounts} (totals per account over that window).
 *
 * <p>{@code GET /api/usage} ({@link UsageApi}) sums the durable ledger per hour or day and
 * prices it. It also accepts an account token (config {@code accounts:}), which reads that
 * account's usage only (another account answers 403) and nothing else. Without a valid token
 * every API answers 401. Errors are JSON {@code {"error", "message"}}.
 *
 * <p>The deploy API ({@link DeployApi}: {@code /api/workers...}, {@code /api/deploys})
 * reads with the token or the cookie and changes with the bearer token only; the
 * {@value #ACTOR_HEADER} header names who makes a change (default {@code admin}).
 * Thread-safe.
 */
public final class AdminHandler implements Handler {

    /** The default number of records {@code /api/requests} returns. */
    public static final int DEFAULT_LIMIT = 50;

    /** The header that names who makes a deploy; {@value #DEFAULT_ACTOR} without it. */
    public static final String ACTOR_HEADER = "X-Bindery-Actor";

    private static final String DEFAULT_ACTOR = "admin";
    private static final Pattern ACTOR = Pattern.compile("[\\p{L}\\p{N} ._@+-]{1,100}");
    private static final String REQUESTS = "/api/requests";
    private static final String USAGE = "/api/usage";

    private final byte[] token;
    private final StatusReport status;
    private final Supplier<BinderyTelemetry> telemetry;
    private final BooleanSupplier draining;
    private final Dashboard dashboard;
    private final UsageApi usage;
    private final DeployApi deploys;
    private final Map<String, byte[]> accountTokens = new LinkedHashMap<>();

    private AdminHandler(String token, StatusReport status, Supplier<BinderyTelemetry> telemetry,
            BooleanSupplier draining, UsageApi usage, DeployApi deploys) {
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.usage = usage;
        this.deploys = deploys;
        this.status = status;
        this.telemetry = telemetry;
        this.draining = draining;
        this.dashboard = Dashboard.create(token);
    }

    /**
     * Creates the handler.
     *
     * @param token the admin token clients must send as a bearer token
     * @param runtime the deployed workers, for {@code /api/status}
     * @param telemetry the installed telemetry, or a supplier of {@code null} when none
     * @param draining tells whether the server is shutting down ({@code /health} then answers
     *     503 {@code DOWN})
     * @return the handler
     */
    public static AdminHandler create(String token, WorkerRuntime runtime,
            Supplier<BinderyTelemetry> telemetry, BooleanSupplier draining) {
        return create(token, runtime, telemetry, draining, null);
    }

    /**
     * Creates the handler with the usage API over a ledger.
     *
     * @param token the admin token clients must send as a bearer token
     * @param runtime the deployed workers; its configuration gives the pricing and the
     *     account tokens
     * @param telemetry the installed telemetry, or a supplier of {@code null} when none
     * @param draining tells whether the server is shutting down
     * @param ledger the ledger {@code /api/usage} reads, or {@code null} (it then answers 503)
     * @return the handler
     */
    public static AdminHandler create(String token, WorkerRuntime runtime,
            Supplier<BinderyTelemetry> telemetry, BooleanSupplier draining, Ledger ledger) {
        return create(token, runtime, telemetry, draining, ledger, null);
    }

    /**
     * Creates the handler with the usage API over a ledger and the deploy API.
     *
     * @param token the admin token clients must send as a bearer token
     * @param runtime the deployed workers; its configuration gives the pricing and the
     *     account tokens
     * @param telemetry the installed telemetry, or a supplier of {@code null} when none
     * @param draining tells whether the server is shutting down
     * @param ledger the ledger {@code /api/usage} reads, or {@code null} (it then answers 503)
     * @param deployService what {@code /api/workers} and {@code /api/deploys} drive, or
     *     {@code null} (they then answer 503)
     * @return the handler
     */
    public static AdminHandler create(String token, WorkerRuntime runtime,
            Supplier<BinderyTelemetry> telemetry, BooleanSupplier draining, Ledger ledger,
            DeployService deployService) {
        var usage = new UsageApi(ledger, runtime.config().pricing(), Clock.systemUTC());
        var handler = new AdminHandler(token, new StatusReport(runtime), telemetry, draining,
                usage, deployService == null ? null : new DeployApi(deployService));
        runtime.config().accountTokens().forEach((account, secret) -> handler.accountTokens
                .put(account, ("Bearer " + secret).getBytes(StandardCharsets.UTF_8)));
        return handler;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.prologue().uriPath().rawPath();
        HttpBridge.write(answer(req, path), res);
    }

    private Response answer(ServerRequest req, String path) {
        boolean get = req.prologue().method().text().equals("GET");
        if (path.equals("/health")) {
            return get ? health() : notAllowed();
        }
        if (dashboard.serves(path)) {
            return get ? dashboard.page(req, bearer(req)) : notAllowed();
        }
        boolean admin = bearer(req) || dashboard.signedIn(req);
        if (path.equals(USAGE)) {
            return get ? usage(req, admin) : notAllowed();
        }
        if (!admin) {
            return unauthorized();
        }
        if (DeployApi.owns(path)) {
            return deploy(req, path, get);
        }
        if (!get) {
            return notAllowed();
        }
        return route(req, path);
    }

    private Response route(ServerRequest req, String path) {
        if (path.equals("/api/status")) {
            return Response.json(200, status.json());
        }
        if (path.equals("/metrics")) {
            return metrics();
        }
        if (path.equals(REQUESTS)) {
            return requests(req.query().first("limit").asOptional());
        }
        if (path.startsWith(REQUESTS + "/") && path.length() > REQUESTS.length() + 1) {
            return request(path.substring(REQUESTS.length() + 1));
        }
        if (path.equals(Dashboard.ACCOUNTS)) {
            return accounts();
        }
        return Response.json(404, error("not_found", "The admin API has no '" + path + "'; "
                + "use /health, /api/status, /metrics, /api/requests, "
                + "/api/requests/{traceId}, /api/accounts, /api/usage, /api/workers or "
                + "/api/deploys."));
    }

    /** Deploy reads take the token or the cookie; changes take the bearer token only. */
    private Response deploy(ServerRequest req, String path, boolean get) {
        if (deploys == null) {
            return Response.json(503, error("deploys_not_available", "This server runs "
                    + "without a deploy store, so workers cannot be deployed through it."));
        }
        if (!get && !bearer(req)) {
            return Response.json(403, error("forbidden", "Deploy changes need 'Authorization: "
                    + "Bearer <admin token>'; the dashboard's cookie only reads."));
        }
        String actor = req.headers().first(HeaderNames.create(ACTOR_HEADER))
                .map(String::trim).orElse(DEFAULT_ACTOR);
        if (!ACTOR.matcher(actor).matches()) {
            return Response.json(400, error("bad_request", "The " + ACTOR_HEADER + " '"
                    + actor + "' is not a name; use up to 100 letters, digits, spaces and "
                    + "._@+-"));
        }
        return deploys.answer(req.prologue().method().text(), path,
                name -> req.query().first(name).asOptional(), () -> body(req), actor);
    }

    private static byte[] body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(DeployApi.MAX_BODY_BYTES + 1);
            if (body.length > DeployApi.MAX_BODY_BYTES) {
                throw new DeployApi.BadRequest(413, "The body is larger than "
                        + DeployApi.MAX_BODY_BYTES + " bytes; a jar may have at most "
                        + DeployStore.MAX_JAR_BYTES + " bytes before base64.");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    private Response usage(ServerRequest req, boolean admin) {
        String account = admin ? null : account(req);
        if (!admin && account == null) {
            return unauthorized();
        }
        boolean csv = req.headers().first(HeaderNames.ACCEPT)
                .filter(accept -> accept.contains("text/csv")).isPresent();
        return usage.answer(name -> req.query().first(name).asOptional(), csv, account);
    }

    /** Returns the account whose token the request carries, or null. */
    private String account(ServerRequest req) {
        Optional<String> given = req.headers().first(HeaderNames.AUTHORIZATION);
        if (given.isEmpty()) {
            return null;
        }
        byte[] sent = given.get().trim().getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (var entry : accountTokens.entrySet()) {
            if (MessageDigest.isEqual(sent, entry.getValue())) {
                found = entry.getKey();
            }
        }
        return found;
    }

    private static Response unauthorized() {
        return Response.builder(401).header("WWW-Authenticate", "Bearer realm=\"bindery\"")
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .body(error("unauthorized", "Send 'Authorization: Bearer <token>' with the "
                        + "admin token that the server printed at start, or set "
                        + "BINDERY_ADMIN_TOKEN; /api/usage also takes an account token."))
                .build();
    }

    private boolean bearer(ServerRequest req) {
        Optional<String> given = req.headers().first(HeaderNames.AUTHORIZATION);
        return given.isPresent()
                && MessageDigest.isEqual(given.get().trim().getBytes(StandardCharsets.UTF_8),
                        token);
    }

    private Response health() {
        return draining.getAsBoolean()
                ? Response.json(503, Json.write(Map.of("status", "DOWN")))
                : Response.json(200, Json.write(Map.of("status", "UP")));
    }

    private Response metrics() {
        BinderyTelemetry installed = telemetry.get();
        if (installed == null) {
            return telemetryMissing();
        }
        return Response.builder(200)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .body(installed.prometheusText())
                .build();
    }

    private Response requests(Optional<String> limitText) {
        BinderyTelemetry installed = telemetry.get();
        if (installed == null) {
            return telemetryMissing();
        }
        RecentRecords recent = installed.recentRecords();
        int limit;
        try {
            limit = limitText.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1) {
            return Response.json(400, error("bad_request", "The limit '" + limitText.orElse("")
                    + "' is not a positive whole number; use ?limit=1 to ?limit="
                    + recent.capacity() + "."));
        }
        List<BillingRecord> latest = recent.latest(Math.min(limit, recent.capacity()));
        return Response.json(200, BillingJson.list(latest));
    }

    private Response request(String traceId) {
        BinderyTelemetry installed = telemetry.get();
        if (installed == null) {
            return telemetryMissing();
        }
        return installed.recentRecords().find(traceId)
                .map(found -> Response.json(200, BillingJson.detail(found)))
                .orElseGet(() -> Response.json(404, error("not_found", "No billing record "
                        + "with trace id '" + traceId + "' is in the recent window; list the "
                        + "recent ones with /api/requests.")));
    }

    private Response accounts() {
        BinderyTelemetry installed = telemetry.get();
        return installed == null ? telemetryMissing()
                : dashboard.accounts(installed.recentRecords());
    }

    private static Response telemetryMissing() {
        return Response.json(503, error("telemetry_not_started", "Telemetry is not running in "
                + "this server, so there are no metrics or billing records."));
    }

    private static Response notAllowed() {
        return Response.builder(405).header("Allow", "GET")
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .body(error("method_not_allowed", "The admin API answers GET only."))
                .build();
    }

    private static String error(String error, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("message", message);
        return Json.write(body);
    }
}
