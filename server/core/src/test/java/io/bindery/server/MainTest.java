package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the command line's answers that come before a server starts. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void invalidConfigurationExitsWith2AndPrintsEveryError() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                server:
                  port: http
                workers:
                  - name: w
                    class: com.example.Nope
                """);

        int code = Main.run(new String[] {"--config", config.toString()});

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(printed).contains("has 2 errors; the server did not start")
                .contains(config + ":2:9: server.port: 'http' is not a valid port")
                .contains(config + ":5:12: workers[0].class: the class com.example.Nope");
    }

    @Test
    void unknownArgumentsExitWith2AndPrintTheUsage() {
        int code = Main.run(new String[] {"--port", "8080"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected arguments")
                .contains("Usage: bindery [--config FILE]");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(Main.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--config FILE");
    }
}
