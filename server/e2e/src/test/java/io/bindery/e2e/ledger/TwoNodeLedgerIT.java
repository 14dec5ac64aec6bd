package io.bindery.e2e.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.e2e.ForkedServer;
import io.bindery.ledger.PostgresCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoNodeLedgerIT {

    private static final String CONFIG = """
            server: { port: 0, adminPort: 0, host: 127.0.0.1, shutdownGrace: 5s }
            workers:
              - name: hello
                class: io.bindery.e2e.workers.Hello
                account: acme
                routes: ["/*"]
            accounts:
              acme: { tokenEnv: ACME_TOKEN }
            """;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private PostgresCluster postgres;
    private ForkedServer nodeA;
    private ForkedServer nodeB;

    @BeforeEach
    void start() {
        postgres = PostgresCluster.start();
        nodeA = node("ledger-node-a");
        nodeB = node("ledger-node-b");
    }

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void eitherNodeReportsTheSumOfBothNodesRequests() throws Exception {
        requests(nodeA, 30);
        requests(nodeB, 20);
        String range = range();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> totals(nodeA, range, nodeA.adminToken()).get("requests")
                        .asLong() == 50);

        JsonNode fromA = usage(nodeA, range, nodeA.adminToken());
        JsonNode fromB = usage(nodeB, range, nodeB.adminToken());
        assertThat(fromB.get("totals")).isEqualTo(fromA.get("totals"));
        assertThat(fromB.get("buckets")).isEqualTo(fromA.get("buckets"));
        assertThat(totals(nodeB, range, "acme-token").get("requests").asLong()).isEqualTo(50);
        assertThat(nodeA.output()).contains("Ledger writes billing records to "
                + "jdbc:postgresql:");
    }

    private ForkedServer node(String name) {
        return ForkedServer.builder(name).config(CONFIG)
                .env("BINDERY_LEDGER_URL", postgres.jdbcUrl() + "&user=" + postgres.user())
                .env("BINDERY_NODE_ID", name)
                .env("ACME_TOKEN", "acme-token")
                .start();
    }

    private void requests(ForkedServer node, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            var response = client.send(HttpRequest.newBuilder(node.uri("/hello/" + i))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static String range() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(2) + "&step=day";
    }

    private JsonNode totals(ForkedServer node, String range, String token) throws Exception {
        return usage(node, range, token).get("totals");
    }

    private JsonNode usage(ForkedServer node, String range, String token)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(node.adminUrl() + "/api/usage?"
                + range)).header("Authorization", "Bearer " + token).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
