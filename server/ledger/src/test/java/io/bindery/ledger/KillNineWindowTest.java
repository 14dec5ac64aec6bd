package io.bindery.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures what {@code kill -9} loses: the time between the last accepted and last stored. */
class KillNineWindowTest {

    @TempDir
    Path dir;

    @Test
    void killNineLosesAtMostAboutOneBatchInterval() throws Exception {
        Map<Integer, Long> acceptedAtMicros = new HashMap<>();
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", classPath(), KillNineProbe.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var lines = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("accepted")) {
                    int n = Integer.parseInt(parts[1]);
                    acceptedAtMicros.put(n, Long.parseLong(parts[2]));
                    if (n == 2_000) {
                        probe.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int lastAccepted = acceptedAtMicros.keySet().stream().max(Integer::compare).orElseThrow();
        int lastStored = lastStored();
        long windowMs = (acceptedAtMicros.get(lastAccepted) - acceptedAtMicros.get(lastStored))
                / 1_000;
        System.out.println("Ledger kill -9: " + (lastAccepted - lastStored) + " records lost, "
                + "window " + windowMs + " ms");
        assertThat(lastStored).isPositive();
        assertThat(windowMs).isLessThan(1_000);
    }

    private int lastStored() throws Exception {
        var settings = LedgerSettings.of(null, null, null, dir, "reader");
        try (var c = DriverManager.getConnection(settings.jdbcUrl());
                var select = c.prepareStatement("SELECT MAX(start_ms), COUNT(*) FROM "
                        + "billing_record");
                var rows = select.executeQuery()) {
            rows.next();
            long last = rows.getLong(1) - KillNineProbe.T0.toEpochMilli();
            assertThat(rows.getLong(2)).as("stored records form a prefix").isEqualTo(last + 1);
            return (int) last;
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
