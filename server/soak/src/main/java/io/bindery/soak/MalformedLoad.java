package io.bindery.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Sends malformed requests of every kind, in a seeded random order, over a few connections
 * for a bounded time and count, each on a fresh connection, and checks each kind's answers.
 * Thread-safe: {@link #run} sends, the other methods read the tallies after it returned.
 */
final class MalformedLoad implements Runnable {

    /** The seed of the order in which kinds are sent. */
    static final long SEED = 20261203L;
    /** The most malformed requests one connection sends. */
    static final int MAX_PER_CONNECTION = 5_000;

    private final List<Malformed> kinds;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Duration duration;
    private final int port;

    /**
     * Describes the malformed load of a run.
     *
     * @param run the scenario run whose tallies count the answers
     * @param kinds the kinds to send
     * @param duration how long to send
     */
    MalformedLoad(ScenarioRun run, List<Malformed> kinds, Duration duration) {
        this.kinds = kinds;
        this.duration = duration;
        this.port = run.server().port();
        kinds.forEach(kind -> tallies.put(kind.label(), run.tally(kind.label())));
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + duration.toNanos();
        var done = new CountDownLatch(Scenarios.MALFORMED_CONNECTIONS);
        for (int i = 0; i < Scenarios.MALFORMED_CONNECTIONS; i++) {
            var random = new Random(SEED + i);
            Thread.ofVirtual().name("soak-malformed-" + i).start(() -> {
                try {
                    send(random, deadline);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Checks one kind: it was sent, every request got an answer with the expected status, and
     * the answers carried {@code traceresponse} exactly when the kind is dispatched; or, for
     * a kind the server answers by closing the connection, that none got an answer.
     *
     * @param kind the kind
     * @return the check
     */
    Check check(Malformed kind) {
        Tally tally = tallies.get(kind.label());
        String figures = tally.sentCount() + " sent, answers by status " + tally.byStatus()
                + ", no answer " + tally.errorsByKind();
        if (kind.expectedStatus() == Malformed.CLOSED) {
            return Check.of(kind.label() + " -> connection closed", tally.sentCount() > 0
                    && tally.answeredCount() == 0, figures);
        }
        long expected = tally.byStatus().getOrDefault(kind.expectedStatus(), 0L);
        long untraced = tally.untracedByStatus().values().stream().mapToLong(Long::longValue)
                .sum();
        boolean tracedRight = kind.traced() ? untraced == 0 : untraced == tally.answeredCount();
        boolean held = tally.sentCount() > 0 && expected == tally.sentCount() && tracedRight;
        return Check.of(kind.label() + " -> " + kind.expectedStatus(), held, figures + ", "
                + untraced + " without traceresponse (" + (kind.traced()
                        ? "must be dispatched and billed" : "must be refused before dispatch")
                + ")");
    }

    /** @return the requests sent per kind */
    String figures() {
        return tallies.entrySet().stream().map(entry -> entry.getKey() + " "
                + entry.getValue().sentCount()).collect(Collectors.joining(", "));
    }

    /**
     * Sends every kind once per round, in a shuffled order, until a round ends after the
     * deadline: so each kind is sent at least once per connection however slow the machine.
     */
    private void send(Random random, long deadline) {
        var order = new ArrayList<>(kinds);
        int sent = 0;
        do {
            Collections.shuffle(order, random);
            for (Malformed kind : order) {
                sendOne(kind);
            }
            sent += order.size();
        } while (System.nanoTime() < deadline && sent < MAX_PER_CONNECTION);
    }

    private void sendOne(Malformed kind) {
        Tally tally = tallies.get(kind.label());
        tally.sent();
        try (var connection = new HttpConnection(port,
                (int) ScenarioRun.ANSWER_TIMEOUT.toMillis())) {
            tally.answered(connection.send(kind.request(), kind.endOutput()));
        } catch (IOException e) {
            tally.failed(e);
        }
    }
}
