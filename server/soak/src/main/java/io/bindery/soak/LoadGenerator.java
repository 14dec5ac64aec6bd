package io.bindery.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives a closed loop over loopback: each of a fixed number of connections sends a request,
 * waits for its answer and sends the next, until the duration is over or the connection has
 * sent its share of the request budget. Bounded in time, count and connections; one virtual
 * thread per connection.
 */
final class LoadGenerator {

    /** The most requests one connection sends, whatever the duration. */
    static final int MAX_REQUESTS_PER_CONNECTION = 200_000;

    private final int port;
    private final int connections;
    private final Duration duration;
    private final Duration answerTimeout;

    /**
     * Describes a load.
     *
     * @param port the public listener's loopback port
     * @param connections how many connections run at once
     * @param duration how long they send
     * @param answerTimeout how long one answer may take before it counts as an error
     */
    LoadGenerator(int port, int connections, Duration duration, Duration answerTimeout) {
        this.port = port;
        this.connections = connections;
        this.duration = duration;
        this.answerTimeout = answerTimeout;
    }

    /**
     * Runs the load and returns when every connection has finished.
     *
     * @param request makes the bytes of each request
     * @param tally counts the answers
     * @return the wall time the load took
     * @throws InterruptedException when interrupted while waiting
     */
    Duration run(Supplier<byte[]> request, Tally tally) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        var done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofVirtual().name("soak-load-" + i).start(() -> {
                try {
                    loop(request, tally, deadline);
                } finally {
                    done.countDown();
                }
            }));
        }
        long grace = answerTimeout.toNanos() + duration.toNanos() + TimeUnit.SECONDS.toNanos(30);
        if (!done.await(grace, TimeUnit.NANOSECONDS)) {
            threads.forEach(Thread::interrupt);
            done.await();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void loop(Supplier<byte[]> request, Tally tally, long deadline) {
        long[] latencies = new long[1024];
        int count = 0;
        pauseBeforeFirst();
        try (var connection = new HttpConnection(port, (int) answerTimeout.toMillis())) {
            for (int sent = 0; sent < MAX_REQUESTS_PER_CONNECTION
                    && System.nanoTime() < deadline; sent++) {
                long begin = System.nanoTime();
                tally.sent();
                try {
                    tally.answered(connection.send(request.get()));
                } catch (IOException e) {
                    tally.failed(e);
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - begin;
            }
        }
        tally.addLatencies(latencies, count);
    }

    /** Spreads the connections' first requests over 100 ms, so they do not all connect at once. */
    private static void pauseBeforeFirst() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
