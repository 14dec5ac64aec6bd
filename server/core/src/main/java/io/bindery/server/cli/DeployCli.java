package io.bindery.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Deploys one worker to a running server through its admin API; {@code scripts/deploy} runs
 * it.
 *
 * <pre>
 * deploy push WORKER JAR CONFIG.yaml [--label L] [--no-activate]
 * deploy list | versions WORKER | activate WORKER N | rollback WORKER | history [--limit N]
 * </pre>
 *
 * <p>The admin URL comes from {@code --admin} or {@code BINDERY_ADMIN_URL} (default
 * {@value #DEFAULT_ADMIN}), the token from {@code --token} or {@code BINDERY_ADMIN_TOKEN},
 * and the name recorded as who made a change from {@code --as}, {@code BINDERY_ACTOR} or the
 * user's login name. {@code --json} prints the server's answer as it came. Exit codes:
 * {@value #OK} done, {@value #REFUSED} the server refused (a version that does not validate,
 * an unknown worker or version, a bad token), {@value #USAGE} a bad command line or an
 * unreadable file, {@value #UNREACHABLE} the admin API did not answer.
 */
public final class DeployCli {

    /** The admin URL used when neither {@code --admin} nor the variable names one. */
    public static final String DEFAULT_ADMIN = "http://127.0.0.1:9090";

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private static final String HELP = """
            Usage: scripts/deploy COMMAND [options]
              push WORKER JAR CONFIG.yaml [--label L] [--no-activate]
                                      upload a new version and (unless --no-activate) switch
                                      to it; CONFIG.yaml is the worker entry without name/jar
              list                    every worker with its active version
              versions WORKER         the worker's versions, * marks the active one
              activate WORKER N       switch to version N (0 is the configuration file's)
              rollback WORKER         switch back to the previously active version
              history [--limit N]     deploys, activations and refusals, newest first
            Options:
              --admin URL   admin listener (BINDERY_ADMIN_URL, default http://127.0.0.1:9090)
              --token T     admin token (BINDERY_ADMIN_TOKEN)
              --as NAME     who makes the change (BINDERY_ACTOR, default your login name)
              --json        print the server's JSON answer
            Exit codes: 0 done, 1 refused by the server, 2 bad command line, 3 unreachable.""";

    private final PrintStream out;
    private final PrintStream err;
    private final UnaryOperator<String> environment;

    DeployCli(PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new DeployCli(System.out, System.err, System::getenv).run(args));
    }

    /** Runs one command; returns the exit code. */
    int run(String[] args) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
            if (arguments.flag("help") || arguments.command() == null) {
                (arguments.flag("help") ? out : err).println(HELP);
                return arguments.flag("help") ? OK : USAGE;
            }
            return execute(arguments, client(arguments));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + System.lineSeparator()
                    + "Run 'scripts/deploy --help' for the commands.");
            return USAGE;
        } catch (AdminClient.Unreachable e) {
            err.println("error: " + e.getMessage() + "; start the server, or pass --admin URL "
                    + "or set BINDERY_ADMIN_URL to its admin listener.");
            return UNREACHABLE;
        }
    }

    private int execute(CliArguments args, AdminClient client) throws AdminClient.Unreachable {
        var view = new CliView(out, err, args.flag("json"));
        return switch (args.command()) {
            case "push" -> push(args, client, view);
            case "list" -> list(args, client, view);
            case "versions" -> view.versions(client.get(workerPath(
                    args.operands(1, "versions WORKER").get(0)) + "/versions"));
            case "activate" -> activate(args, client, view);
            case "rollback" -> view.activated(client.post(workerPath(
                    args.operands(1, "rollback WORKER").get(0)) + "/rollback",
                    AdminClient.object()));
            case "history" -> history(args, client, view);
            default -> throw new IllegalArgumentException("unknown command '" + args.command()
                    + "'");
        };
    }

    private static int push(CliArguments args, AdminClient client, CliView view)
            throws AdminClient.Unreachable {
        List<String> operands = args.operands(3, "push WORKER JAR CONFIG.yaml");
        var body = AdminClient.object();
        byte[] jar = read(Path.of(operands.get(1)), "jar");
        byte[] config = read(Path.of(operands.get(2)), "configuration");
        body.put("config", new String(config, StandardCharsets.UTF_8));
        body.put("jar", Base64.getEncoder().encodeToString(jar));
        if (args.option("label", null) != null) {
            body.put("label", args.option("label", null));
        }
        body.put("activate", !args.flag("no-activate"));
        return view.pushed(client.post(workerPath(operands.get(0)) + "/versions", body));
    }

    private static int list(CliArguments args, AdminClient client, CliView view)
            throws AdminClient.Unreachable {
        args.operands(0, "list");
        return view.workers(client.get("api/workers"));
    }

    private static int history(CliArguments args, AdminClient client, CliView view)
            throws AdminClient.Unreachable {
        args.operands(0, "history [--limit N]");
        int limit = number(args.option("limit", "50"), "--limit");
        return view.history(client.get("api/deploys?limit=" + limit));
    }

    private static int activate(CliArguments args, AdminClient client, CliView view)
            throws AdminClient.Unreachable {
        List<String> operands = args.operands(2, "activate WORKER N");
        int version = number(operands.get(1), "the version N");
        return view.activated(client.post(workerPath(operands.get(0)) + "/versions/" + version
                + "/activate", AdminClient.object()));
    }

    private AdminClient client(CliArguments args) {
        String admin = args.option("admin", env("BINDERY_ADMIN_URL", DEFAULT_ADMIN));
        URI base;
        try {
            base = URI.create(admin.endsWith("/") ? admin : admin + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the admin URL '" + admin + "' is not a URL; "
                    + "use one such as " + DEFAULT_ADMIN);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("the admin URL '" + admin + "' is not http(s); "
                    + "use one such as " + DEFAULT_ADMIN);
        }
        String actor = args.option("as", env("BINDERY_ACTOR", System.getProperty("user.name",
                "admin")));
        return new AdminClient(base, args.option("token", env("BINDERY_ADMIN_TOKEN", null)),
                actor);
    }

    private String env(String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String workerPath(String worker) {
        return "api/workers/" + URLEncoder.encode(worker, StandardCharsets.UTF_8);
    }

    private static int number(String text, String what) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not a whole number "
                + "of 0 or more");
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("the " + what + " file " + file.toAbsolutePath()
                    + " cannot be read (" + e.getMessage() + "); check the path");
        }
    }

    /** Returns a JSON value as {@link CliView} prints it: {@code -} when absent or blank. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank()
                ? "-" : node.asText();
    }
}
