package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.WorkerUsage;
import io.bindery.ledger.Ledger;
import io.bindery.ledger.LedgerSettings;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.server.runtime.WorkerRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageApiTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final String RANGE = "from=2026-01-05&to=2026-01-06&step=hour";
    private static final Map<String, String> ENV = Map.of("BINDERY_PORT", "0",
            "BINDERY_ADMIN_PORT", "0", "ACME_TOKEN", "acme-secret", "GLOBEX_TOKEN",
            "globex-secret");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private WorkerLoader loader;
    private Ledger ledger;
    private BinderyServer server;

    @BeforeEach
    void start() {
        loader = WorkerLoader.create();
        var config = ConfigLoader.create(loader, ENV::get, name -> null).load("test.yaml", """
                server: { port: 0, adminPort: 0 }
                workers:
                  - name: echo
                    class: io.bindery.server.testworkers.Echo
                    routes: ["/*"]
                accounts:
                  acme: { tokenEnv: ACME_TOKEN }
                  globex: { tokenEnv: GLOBEX_TOKEN }
                pricing: { perMillionRequests: 0.30, perGbSecond: 0.0000125, memoryMb: 128 }
                """, dir);
        ledger = Ledger.start(LedgerSettings.of(null, null, null, dir, "test"));
        for (int i = 0; i < 6; i++) {
            ledger.accept(record(i, i < 4 ? "acme" : "globex", T0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.written() == 6);
        server = BinderyServer.start(WorkerRuntime.create(config, loader), "admin-secret",
                () -> null, ledger);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        ledger.close();
        loader.close();
    }

    @Test
    void anAccountTokenCannotReadAnotherAccount() {
        var response = get("/api/usage?account=globex&" + RANGE, "acme-secret");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("forbidden").contains("'acme'");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertThat(get("/api/usage?" + RANGE, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/usage?" + RANGE, "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anAccountTokenReadsItsOwnAccountByDefault() throws Exception {
        JsonNode body = json(get("/api/usage?" + RANGE, "acme-secret"));

        assertThat(body.get("account").asText()).isEqualTo("acme");
        assertThat(body.get("totals").get("requests").asLong()).isEqualTo(4);
        assertThat(body.get("buckets").get(0).get("start").asText())
                .isEqualTo("2026-01-05T10:00:00Z");
        assertThat(body.get("totals").get("flattenedMs").decimalValue())
                .isEqualByComparingTo("8");
    }

    @Test
    void anAccountTokenCannotReadOtherAdminApis() {
        assertThat(get("/api/status", "acme-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminTokenSeesEveryAccountAndPricesThem() throws Exception {
        JsonNode body = json(get("/api/usage?" + RANGE, "admin-secret"));

        assertThat(body.get("totals").get("requests").asLong()).isEqualTo(6);
        assertThat(body.get("totals").get("cost").decimalValue())
                .isGreaterThan(java.math.BigDecimal.ZERO)
                .isLessThan(body.get("totals").get("classicCost").decimalValue());
        assertThat(json(get("/api/usage?account=globex&" + RANGE, "admin-secret"))
                .get("totals").get("requests").asLong()).isEqualTo(2);
    }

    @Test
    void csvIsServedForTheAcceptHeaderAndTheFormatParameter() {
        var request = HttpRequest.newBuilder(URI.create(server.adminUrl() + "/api/usage?"
                + RANGE)).header("Authorization", "Bearer admin-secret")
                .header("Accept", "text/csv").build();
        var viaHeader = send(request);
        var viaFormat = get("/api/usage?format=csv&" + RANGE, "admin-secret");

        assertThat(viaHeader.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(viaHeader.body()).startsWith("start,end,requests,flattened_ms")
                .contains("2026-01-05T10:00:00Z,2026-01-05T11:00:00Z,6,12,18,6,6,");
        assertThat(viaFormat.body()).isEqualTo(viaHeader.body());
    }

    @Test
    void aBadParameterIsNamedWithItsFix() throws Exception {
        var step = get("/api/usage?step=week", "admin-secret");
        var from = get("/api/usage?from=yesterday", "admin-secret");

        assertThat(step.statusCode()).isEqualTo(400);
        assertThat(json(step).get("parameter").asText()).isEqualTo("step");
        assertThat(json(step).get("message").asText()).contains("step=day");
        assertThat(json(from).get("parameter").asText()).isEqualTo("from");
        assertThat(json(from).get("message").asText()).contains("2026-01-05T10:00:00Z");
    }

    private HttpResponse<String> get(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(server.adminUrl() + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    private static BillingRecord record(int n, String account, Instant start) {
        String traceId = HexFormat.of().toHexDigits((long) n) + "0000000000000000";
        return new BillingRecord(traceId, account, "echo", "/*", "/", "GET", 200, null, start,
                2_000_000, 3_000_000, 1_000_000, Map.of("echo", new WorkerUsage(1, 2_000_000)),
                0, 0, 2, true, null, List.of());
    }
}
