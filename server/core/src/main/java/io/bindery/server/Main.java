package io.bindery.server;

import io.bindery.demo.UpstreamUserService;
import io.bindery.ledger.DeployStore;
import io.bindery.ledger.Ledger;
import io.bindery.ledger.LedgerSettings;
import io.bindery.ledger.LedgerUnavailableException;
import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigException;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.deploy.service.DeployService;
import io.bindery.server.deploy.service.JarCache;
import io.bindery.server.logging.Logging;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.BinderyTelemetry;
import io.bindery.telemetry.TelemetryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a Bindery server from the command line.
 *
 * <p>{@code --config FILE} serves the workers of a YAML file. Without arguments it serves the
 * embedded demo ({@value #DEMO_CONFIG}) and first starts the demo's upstream user service on
 * a free loopback port, whose URL it exports as the system property
 * {@value #UPSTREAM_PROPERTY}. SIGTERM or SIGINT stops it gracefully: in-flight requests
 * and background tasks finish within {@code server.shutdownGrace}, billing records and spans
 * are flushed, and the process exits 0. With {@code -Dbindery.billing.file=FILE} or
 * {@code BINDERY_BILLING_FILE=FILE} it also appends every billing record to that file as a
 * JSON line ({@link BillingFileSink}). Every record also goes to the usage ledger
 * ({@link Ledger}): the embedded H2 database in {@code BINDERY_DATA_DIR} (default
 * {@code ./data}), or PostgreSQL when {@code ledger.url} or {@code BINDERY_LEDGER_URL} is set;
 * {@code GET /api/usage} on the admin listener reads it. Deploys of single workers
 * ({@link DeployService}) are kept in the same database; at start, after the configuration
 * file's workers, the versions last activated there are applied again, and, on a shared
 * PostgreSQL, every {@value #SYNC_VARIABLE} seconds (default 5, 0 for never) those other
 * nodes activate.
 * Exit codes: 0 after a normal
 * shutdown, 2 for an invalid configuration or command line, 1 when the server cannot start.
 */
public final class Main {

    /** The class path resource of the demo configuration. */
    public static final String DEMO_CONFIG = "io/bindery/server/demo.yaml";

    /** The system property the demo configuration reads the upstream's URL from. */
    public static final String UPSTREAM_PROPERTY = "DEMO_UPSTREAM_URL";

    /** The environment variable with the seconds between looks at other nodes' deploys. */
    public static final String SYNC_VARIABLE = "BINDERY_DEPLOY_SYNC_SECONDS";

    private static final long DEFAULT_SYNC_SECONDS = 5;

    private static final String USAGE = "Usage: bindery [--config FILE]\n"
            + "  --config FILE  serve the workers of a YAML configuration file\n"
            + "  (no argument)  serve the embedded demo with its upstream user service";

    static {
        Logging.preferShutdownSafeManager();
    }

    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * Runs the server until the JVM is asked to stop (SIGTERM, Ctrl-C).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Logging.configure();
        System.exit(run(args));
    }

    /**
     * Runs the command line; returns only after shutdown, or at once on an error or help.
     *
     * @param args the command line
     * @return the exit code
     */
    static int run(String[] args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + System.lineSeparator() + USAGE);
            return 2;
        }
        if (command.help()) {
            System.out.println(USAGE);
            return 0;
        }
        return run(command.config());
    }

    private static int run(Path configFile) {
        long start = System.nanoTime();
        UpstreamUserService upstream = configFile == null ? startUpstream() : null;
        var loader = WorkerLoader.create();
        WorkerRuntime runtime;
        try {
            runtime = WorkerRuntime.create(load(loader, configFile), loader);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            closeQuietly(upstream);
            return 2;
        }
        return serve(runtime, upstream, start);
    }

    private static int serve(WorkerRuntime runtime, UpstreamUserService upstream, long start) {
        BinderyTelemetry telemetry = null;
        BillingFileSink billingFile = null;
        Ledger ledger = null;
        DeployService deploys = null;
        BinderyServer server;
        try {
            telemetry = BinderyTelemetry.start(TelemetryOptions.defaults());
            billingFile = billingFile(telemetry);
            LedgerSettings settings = ledgerSettings(runtime);
            ledger = Ledger.start(settings);
            telemetry.addSink(ledger);
            deploys = deploys(runtime, settings);
            server = BinderyServer.start(runtime, System.getenv("BINDERY_ADMIN_TOKEN"),
                    BinderyTelemetry::installed, ledger, deploys);
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "Bindery could not start", e);
            runtime.close();
            if (telemetry != null) {
                telemetry.close();
            }
            if (billingFile != null) {
                billingFile.close();
            }
            if (ledger != null) {
                ledger.close();
            }
            if (deploys != null) {
                deploys.close();
            }
            closeQuietly(upstream);
            return 1;
        }
        LOGGER.log(Level.INFO, "Bindery started in " + (System.nanoTime() - start) / 1_000_000
                + " ms: " + count(runtime.config().workers().size(), "worker") + ", "
                + count(runtime.routes().size(), "route") + ", config "
                + runtime.config().source());
        if (runtime.config().workers().isEmpty()) {
            LOGGER.log(Level.WARNING, "No workers are configured in " + runtime.config().source()
                    + "; every path of the public listener answers 404.");
        }
        return awaitShutdown(new Shutdown(shutdownSteps(server, telemetry, billingFile,
                ledger, deploys, upstream)));
    }

    /** Returns the settings of the ledger database the configuration names. */
    private static LedgerSettings ledgerSettings(WorkerRuntime runtime) {
        var config = runtime.config().ledger();
        return LedgerSettings.of(config.url(), config.user(), config.password(),
                LedgerSettings.dataDir(System::getenv), LedgerSettings.nodeId(System::getenv));
    }

    /**
     * Opens the deploy store in the ledger's database and applies the active versions it
     * records, before the listeners start. Without a reachable database the configuration
     * file's workers serve and the deploy API answers 503.
     */
    private static DeployService deploys(WorkerRuntime runtime, LedgerSettings settings) {
        DeployStore store;
        try {
            store = DeployStore.open(settings, Clock.systemUTC());
        } catch (LedgerUnavailableException e) {
            LOGGER.log(Level.ERROR, "Deploys are off: the deploy store cannot be opened, so "
                    + "the configuration file's workers serve and /api/workers answers 503; "
                    + "restart once the database answers", e);
            return null;
        }
        var service = DeployService.create(runtime, store,
                JarCache.in(settings.dataDir().resolve("deploys")));
        service.restore();
        long seconds = syncSeconds();
        if (seconds > 0 && !settings.embedded()) {
            service.follow(Duration.ofSeconds(seconds));
        }
        return service;
    }

    /** Returns {@value #SYNC_VARIABLE}: seconds between looks at other nodes' deploys. */
    private static long syncSeconds() {
        String text = System.getenv(SYNC_VARIABLE);
        if (text == null || text.isBlank()) {
            return DEFAULT_SYNC_SECONDS;
        }
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            LOGGER.log(Level.WARNING, SYNC_VARIABLE + "='" + text + "' is not a whole number "
                    + "of seconds; using " + DEFAULT_SYNC_SECONDS + " (0 turns following off)");
            return DEFAULT_SYNC_SECONDS;
        }
    }

    /** Opens the billing file named by the property or variable, if any, as a sink. */
    private static BillingFileSink billingFile(BinderyTelemetry telemetry) {
        Path file = BillingFileSink.configured();
        if (file == null) {
            return null;
        }
        BillingFileSink sink = BillingFileSink.open(file);
        telemetry.addSink(sink);
        LOGGER.log(Level.INFO, "Bindery appends billing records to " + file.toAbsolutePath());
        return sink;
    }

    /**
     * Returns the shutdown in order: stop following other nodes' deploys, stop the listeners
     * (in-flight requests finish, then background tasks), close telemetry (open traces
     * billed, spans flushed), close the billing file, write the ledger's last records, stop
     * the demo upstream.
     */
    private static List<Runnable> shutdownSteps(BinderyServer server,
            BinderyTelemetry telemetry, BillingFileSink billingFile, Ledger ledger,
            DeployService deploys, UpstreamUserService upstream) {
        var steps = new ArrayList<Runnable>();
        if (deploys != null) {
            steps.add(deploys::close);
        }
        steps.add(server::stop);
        steps.add(telemetry::close);
        if (billingFile != null) {
            steps.add(billingFile::close);
        }
        steps.add(ledger::close);
        steps.add(() -> closeQuietly(upstream));
        return steps;
    }

    private static int awaitShutdown(Shutdown shutdown) {
        shutdown.install();
        try {
            shutdown.awaitRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown.run();
        return 0;
    }

    private static BinderyConfig load(WorkerLoader loader, Path configFile) {
        ConfigLoader configs = ConfigLoader.create(loader);
        return configFile == null ? configs.loadResource(DEMO_CONFIG, Path.of(""))
                : configs.load(configFile);
    }

    private static UpstreamUserService startUpstream() {
        try {
            UpstreamUserService upstream = UpstreamUserService.start(0);
            System.setProperty(UPSTREAM_PROPERTY, upstream.url());
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException("The demo upstream user service cannot start on a "
                    + "loopback port.", e);
        }
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private static void closeQuietly(UpstreamUserService upstream) {
        if (upstream != null) {
            upstream.close();
        }
    }

    /** The parsed command line: help, or the configuration file ({@code null} for the demo). */
    private record Command(boolean help, Path config) {

        static Command parse(String[] args) {
            if (args.length == 0) {
                return new Command(false, null);
            }
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                return new Command(true, null);
            }
            if (args.length == 2 && args[0].equals("--config")) {
                return new Command(false, Path.of(args[1]));
            }
            if (args.length == 1 && args[0].startsWith("--config=")) {
                return new Command(false, Path.of(args[0].substring("--config=".length())));
            }
            throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", args));
        }
    }
}
