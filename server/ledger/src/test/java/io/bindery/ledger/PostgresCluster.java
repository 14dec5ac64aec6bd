package io.bindery.ledger;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a throwaway PostgreSQL cluster for a test: {@code initdb} into a fresh temporary
 * folder, {@code pg_ctl start} on a free loopback port with its socket in that folder, and
 * {@code createdb ledger}. As root, every command runs as the {@code postgres} user through
 * {@code runuser}, since PostgreSQL refuses to run as root.
 *
 * <p>Without PostgreSQL binaries under {@code /usr/lib/postgresql/<v>/bin}, {@link #start}
 * fails when the environment has {@code CI=true} and skips the test otherwise. Not
 * thread-safe; one test class drives one cluster.
 */
public final class PostgresCluster implements AutoCloseable {

    private static final String USER = "bindery";
    private static final String DATABASE = "ledger";

    private final Path bin;
    private final Path home;
    private final int port;

    private PostgresCluster(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /**
     * Creates, starts and fills in a cluster with an empty database {@value #DATABASE}.
     *
     * @return the running cluster
     */
    public static PostgresCluster start() {
        Path bin = binaries();
        if (bin == null) {
            String message = "PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb;"
                    + " install it with 'apt-get install -y postgresql' (.ci/run does).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path home = Files.createTempDirectory("bindery-pg");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            var cluster = new PostgresCluster(bin, home, freePort());
            cluster.init();
            cluster.startServer();
            cluster.run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1",
                    "-p", String.valueOf(cluster.port), "-U", USER, DATABASE));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JDBC URL of the test database */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE
                + "?connectTimeout=2&socketTimeout=10";
    }

    /** @return the database user (trust authentication, no password) */
    public String user() {
        return USER;
    }

    /**
     * Runs SQL statements on the test database, such as emptying tables between tests.
     *
     * @param statements the statements, run in order
     */
    public void execute(String... statements) {
        try (var connection = DriverManager.getConnection(jdbcUrl(), USER, null);
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test database cannot run " + statements[0], e);
        }
    }

    /** Stops the server quickly, as an outage would; the data stays. */
    public void stopServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m",
                "immediate", "-w", "stop"));
    }

    /** Starts the server again on the same port. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
                home.resolve("postgres.log").toString(), "-w", "-o", "-p " + port + " -k "
                        + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        try {
            stopServer();
        } finally {
            delete(home);
        }
    }

    /** Returns the newest {@code /usr/lib/postgresql/<v>/bin} with initdb, or null. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.comparing(dir -> versionOf(dir)))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void init() throws IOException {
        Files.createDirectories(data());
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", home.toString()));
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-sync"));
    }

    private Path data() {
        return home.resolve("data");
    }

    private void run(List<String> command) {
        var full = new ArrayList<String>();
        if (root() && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path log = Files.createTempFile("bindery-pg-cmd", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", full) + "' failed: "
                        + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + full, e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
