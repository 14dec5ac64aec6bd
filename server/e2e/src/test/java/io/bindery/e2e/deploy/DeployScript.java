package io.bindery.e2e.deploy;

import io.bindery.e2e.ForkedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code scripts/deploy} against a forked server, as an operator would, with
 * the server's admin URL and token in {@code BINDERY_ADMIN_URL} and {@code BINDERY_ADMIN_TOKEN}.
 */
final class DeployScript {

    private final ForkedServer server;
    private final Path output;

    DeployScript(ForkedServer server, Path output) {
        this.server = server;
        this.output = output;
    }

    /**
     * Runs the script and waits for it (at most 5 minutes, which covers a first build).
     *
     * @param args its arguments
     * @return the exit code and what it printed
     */
    Result run(String... args) {
        Path script = root().resolve("scripts/deploy");
        var command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(output);
            Path out = Files.createTempFile(output, "deploy", ".out");
            Path err = Files.createTempFile(output, "deploy", ".err");
            var builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("BINDERY_ADMIN_URL", server.adminUrl().toString());
            builder.environment().put("BINDERY_ADMIN_TOKEN", server.adminToken());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/deploy " + String.join(" ", args)
                        + " did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the repository's root: the e2e module runs in {@code server/e2e} */
    private static Path root() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("scripts/deploy"))) {
            throw new IllegalStateException("No scripts/deploy under " + root + "; run the "
                    + "end-to-end tests from the server/e2e module's folder.");
        }
        return root;
    }

    /**
     * What one run printed.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {

        @Override
        public String toString() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
