package io.bindery.server;

import io.bindery.ledger.Ledger;
import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ServerSettings;
import io.bindery.server.deploy.service.DeployService;
import io.bindery.server.http.AdminHandler;
import io.bindery.server.http.PublicHandler;
import io.bindery.server.http.PublicListener;
import io.bindery.server.http.dashboard.Dashboard;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.BinderyTelemetry;
import io.helidon.webserver.WebServer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs the two listeners of a Bindery server on Helidon's WebServer: the public one, which
 * serves workers, and the admin one, on the named socket {@value #ADMIN_SOCKET}.
 *
 * <p>Create it with {@link #start}; {@link #stop()} shuts down gracefully: it stops accepting
 * connections, lets in-flight requests finish, then waits for background tasks, all within
 * {@code server.shutdownGrace}. Thread-safe.
 */
public final class BinderyServer implements AutoCloseable {

    /** The name of the admin listener's socket. */
    public static final String ADMIN_SOCKET = "admin";

    private static final System.Logger LOGGER = System.getLogger(BinderyServer.class.getName());

    private final WorkerRuntime runtime;
    private final String adminToken;
    private final String host;
    private final Duration grace;
    private final Ledger ledger;
    private final DeployService deploys;
    private volatile WebServer webServer;
    private volatile int port;
    private volatile int adminPort;
    private volatile boolean draining;
    private volatile boolean stopped;

    private BinderyServer(WorkerRuntime runtime, String adminToken, ServerSettings settings,
            Ledger ledger, DeployService deploys) {
        this.runtime = runtime;
        this.ledger = ledger;
        this.deploys = deploys;
        this.adminToken = adminToken;
        this.host = settings.host();
        this.grace = settings.shutdownGrace();
    }

    /**
     * Starts both listeners for a deployed runtime and logs their URLs, the admin token and
     * the dashboard's sign-in link.
     *
     * @param runtime the deployed workers; stopped with this server
     * @param adminToken the admin bearer token, or {@code null} to generate one
     * @param telemetry supplies the installed telemetry, or {@code null} when there is none
     * @return the running server
     */
    public static BinderyServer start(WorkerRuntime runtime, String adminToken,
            Supplier<BinderyTelemetry> telemetry) {
        return start(runtime, adminToken, telemetry, null);
    }

    /**
     * Starts both listeners, with the usage API reading a ledger.
     *
     * @param runtime the deployed workers; stopped with this server
     * @param adminToken the admin bearer token, or {@code null} to generate one
     * @param telemetry supplies the installed telemetry, or {@code null} when there is none
     * @param ledger the ledger {@code /api/usage} reads, or {@code null}; not closed here
     * @return the running server
     */
    public static BinderyServer start(WorkerRuntime runtime, String adminToken,
            Supplier<BinderyTelemetry> telemetry, Ledger ledger) {
        return start(runtime, adminToken, telemetry, ledger, null);
    }

    /**
     * Starts both listeners, with the usage API reading a ledger and the deploy API.
     *
     * @param runtime the deployed workers; stopped with this server
     * @param adminToken the admin bearer token, or {@code null} to generate one
     * @param telemetry supplies the installed telemetry, or {@code null} when there is none
     * @param ledger the ledger {@code /api/usage} reads, or {@code null}; not closed here
     * @param deploys what {@code /api/workers} and {@code /api/deploys} drive, or
     *     {@code null}
     * @return the running server
     */
    public static BinderyServer start(WorkerRuntime runtime, String adminToken,
            Supplier<BinderyTelemetry> telemetry, Ledger ledger, DeployService deploys) {
        BinderyConfig config = runtime.config();
        boolean generated = adminToken == null || adminToken.isBlank();
        String token = generated ? AdminToken.generate() : adminToken;
        var server = new BinderyServer(runtime, token, config.server(), ledger, deploys);
        server.listen(config.server(), telemetry);
        LOGGER.log(Level.INFO, "Bindery public listener on " + server.publicUrl());
        LOGGER.log(Level.INFO, "Bindery admin listener on " + server.adminUrl()
                + (generated ? " (token: " + token + ")" : " (token from BINDERY_ADMIN_TOKEN)"));
        LOGGER.log(Level.INFO, "Bindery dashboard: " + (generated
                ? Dashboard.link(server.adminUrl(), token)
                : Dashboard.link(server.adminUrl(), "<BINDERY_ADMIN_TOKEN>")));
        return server;
    }

    /** @return the public listener's port, also after stop */
    public int port() {
        return port;
    }

    /** @return the admin listener's port, also after stop */
    public int adminPort() {
        return adminPort;
    }

    /** @return the public listener's base URL, such as {@code http://127.0.0.1:8080} */
    public String publicUrl() {
        return url(port());
    }

    /** @return the admin listener's base URL */
    public String adminUrl() {
        return url(adminPort());
    }

    /** @return the admin bearer token */
    public String adminToken() {
        return adminToken;
    }

    /** @return the deployed workers */
    public WorkerRuntime runtime() {
        return runtime;
    }

    /**
     * Shuts down gracefully within {@code server.shutdownGrace}: stops accepting, finishes
     * in-flight requests, waits for background tasks, cancels what is left. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        draining = true;
        long start = System.nanoTime();
        webServer.stop();
        Duration left = grace.minusNanos(System.nanoTime() - start);
        int pending = runtime.backgroundTasks().active();
        boolean clean = awaitBackground(left.isNegative() ? Duration.ZERO : left);
        LOGGER.log(Level.INFO, "Bindery stopped in " + (System.nanoTime() - start) / 1_000_000
                + " ms (" + pending + " background tasks were running"
                + (clean ? ", all finished)" : ", some were cancelled)"));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void listen(ServerSettings settings, Supplier<BinderyTelemetry> telemetry) {
        var admin = AdminHandler.create(adminToken, runtime, telemetry, () -> draining,
                ledger, deploys);
        var publicHandler = PublicHandler.create(runtime.dispatcher());
        webServer = PublicListener.configure(WebServer.builder(), runtime, this::publicUrl)
                .shutdownHook(false)
                .host(settings.host())
                .port(settings.port())
                .shutdownGracePeriod(grace)
                .routing(routing -> routing.any(publicHandler))
                .putSocket(ADMIN_SOCKET, socket -> socket
                        .host(settings.host())
                        .port(settings.adminPort())
                        .shutdownGracePeriod(grace)
                        .routing(routing -> routing.any(admin)))
                .build()
                .start();
        port = webServer.port();
        adminPort = webServer.port(ADMIN_SOCKET);
    }

    private boolean awaitBackground(Duration left) {
        try {
            return runtime.shutdown(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
            return false;
        }
    }

    private String url(int port) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }
}
