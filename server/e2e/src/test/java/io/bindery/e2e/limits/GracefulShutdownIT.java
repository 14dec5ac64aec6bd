package io.bindery.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sends SIGTERM to a server under load and checks that it stops gracefully: it exits 0 and
 * the billing file holds a record for every request that got a response.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(2);

    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    @Test
    void sigtermUnderLoadExitsZeroAndLosesNoBillingRecord() throws Exception {
        ForkedServer server = ForkedServer.builder("limits-shutdown")
                .config(E2e.config("", """
                          - { name: busy, class: io.bindery.e2e.limits.workers.Busy,
                              account: acme, routes: ["/*"] }
                        """))
                .env("BINDERY_BILLING_FILE", "billing.jsonl")
                .start();
        Path billing = server.dir().resolve("billing.jsonl");
        List<Thread> clients = startClients(server.uri("/work"));
        await().atMost(Duration.ofSeconds(20)).until(() -> answered.size() >= 100);

        int exit = server.stop();

        for (Thread client : clients) {
            assertThat(client.join(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(exit).as(server.output()).isZero();
        assertThat(answered).hasSizeGreaterThanOrEqualTo(100);
        assertThat(billedTraceIds(billing)).containsAll(answered);
        assertThat(server.output()).contains("Bindery stopping")
                .contains("Billing file").contains("closed after");
    }

    private List<Thread> startClients(URI uri) {
        long deadline = System.nanoTime() + LOAD.toNanos();
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofPlatform().name("load-" + i).start(() -> load(uri, deadline)));
        }
        return clients;
    }

    /** Sends requests one after another until the deadline or the first refusal. */
    private void load(URI uri, long deadline) {
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> response = client.send(request,
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    answered.add(Http.traceId(response));
                }
            }
        } catch (IOException e) {
            // The server stopped accepting: this client is done.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> billedTraceIds(Path billing) throws IOException {
        assertThat(billing).exists();
        return Files.readAllLines(billing).stream()
                .filter(line -> !line.isBlank())
                .map(line -> Records.json(line).path("traceId").asText())
                .collect(Collectors.toSet());
    }
}
