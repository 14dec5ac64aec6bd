package io.bindery.ledger;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Feeds a ledger one record per millisecond until it is killed, once its schema is in
 * place and its first record stored, printing
 * {@code accepted <n> <millis since start>} after each record; run by
 * {@link KillNineWindowTest} in a forked JVM.
 */
public final class KillNineProbe {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private KillNineProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args the data folder
     * @throws InterruptedException never in practice; the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        var ledger = Ledger.start(LedgerSettings.of(null, null, null, Path.of(args[0]),
                "probe"));
        ledger.accept(Records.numbered(0, "acme", T0));
        while (ledger.written() == 0) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            ledger.accept(Records.numbered(i, "acme", T0.plusMillis(i)));
            System.out.println("accepted " + i + " " + (System.nanoTime() - start) / 1_000);
            Thread.sleep(1);
        }
    }
}
