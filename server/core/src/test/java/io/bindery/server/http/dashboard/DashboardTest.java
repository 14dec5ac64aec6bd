package io.bindery.server.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.billing.BillingRecord;
import io.bindery.server.BinderyServer;
import io.bindery.server.LogCapture;
import io.bindery.server.TestServer;
import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.runtime.WorkerLoader;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.BinderyTelemetry;
import io.bindery.telemetry.TelemetryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the dashboard's sign-in, cookie, 401 page, assets and account totals over HTTP. */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + TestServer.ADMIN_TOKEN;
    private static final AtomicInteger RECORDS = new AtomicInteger();

    private static BinderyTelemetry telemetry;
    private static TestServer server;
    private static String startupLog;

    @BeforeAll
    static void start() {
        telemetry = BinderyTelemetry.start(TelemetryOptions.defaults());
        var loader = WorkerLoader.create();
        var config = ConfigLoader.create(loader, TestServer::freePorts, System::getProperty)
                .load("dashboard-test.yaml", """
                        workers:
                          - name: echo
                            class: io.bindery.server.testworkers.Echo
                            account: acme
                            routes: ["/echo"]
                        """, Path.of(""));
        try (var log = LogCapture.of("io.bindery.server")) {
            server = TestServer.start(config, loader, () -> telemetry);
            startupLog = String.join("\n", log.at(Level.INFO).stream()
                    .map(record -> record.getMessage()).toList());
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        telemetry.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?token=wrong", "/dashboard/dashboard.js",
            "/dashboard/dashboard.css", "/dashboard/none"})
    void refusesThePageWithoutTokenOrCookie(String path) {
        HttpResponse<String> response = server.admin(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("text/html");
        assertThat(response.body()).contains("sign-in needed")
                .doesNotContain("dashboard.js", "Recent requests");
    }

    @Test
    void tokenLinkSetsAStrictHttpOnlyCookieAndRedirectsToTheBareRoot() {
        HttpResponse<String> response = server.admin("/?token=" + TestServer.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).hasValue("/");
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("bindery-dashboard-" + server.server().adminPort() + "=")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain(TestServer.ADMIN_TOKEN);
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }

    @Test
    void cookieOpensThePageItsAssetsAndTheApi() {
        String cookie = signIn();

        HttpResponse<String> page = server.admin("/", "Cookie", cookie);
        HttpResponse<String> script = server.admin("/dashboard/dashboard.js", "Cookie", cookie);
        HttpResponse<String> status = server.admin("/api/status", "Cookie", cookie);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/dashboard/dashboard.js", "Recent requests");
        assertThat(page.headers().firstValue("content-security-policy").orElse(""))
                .contains("script-src 'self'", "connect-src 'self'");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("content-type").orElse(""))
                .startsWith("text/javascript");
        assertThat(status.statusCode()).isEqualTo(200);
    }

    @Test
    void bearerTokenAlsoOpensThePage() {
        assertThat(server.admin("/", "Authorization", BEARER).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bindery-dashboard-1=abc", "other=1", "bindery-dashboard-%d=abc"})
    void refusesAForgedCookie(String cookie) {
        String value = cookie.formatted(server.server().adminPort());

        assertThat(server.admin("/", "Cookie", value).statusCode()).isEqualTo(401);
        assertThat(server.admin("/api/status", "Cookie", value).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownAssetAnswers404ToASignedInBrowser() {
        assertThat(server.admin("/dashboard/none.js", "Cookie", signIn()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void pageAnswersGetOnly() {
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.server().adminUrl() + "/"))
                .header("Authorization", BEARER)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();

        assertThat(server.send(post).statusCode()).isEqualTo(405);
    }

    @Test
    void accountsAddsUpTheWindowPerAccount() throws IOException {
        telemetry.recentRecords().accept(record("acme", 3_000_000, 5_000_000, true));
        telemetry.recentRecords().accept(record("acme", 1_000_000, 1_500_000, false));
        telemetry.recentRecords().accept(record(null, 200_000, 200_000, true));

        HttpResponse<String> response = server.admin("/api/accounts", "Authorization", BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("records").asInt()).isEqualTo(3);
        JsonNode unrouted = body.path("accounts").get(0);
        JsonNode acme = body.path("accounts").get(1);
        assertThat(unrouted.path("account").isNull()).isTrue();
        assertThat(acme.path("account").asText()).isEqualTo("acme");
        assertThat(acme.path("requests").asInt()).isEqualTo(2);
        assertThat(acme.path("incomplete").asInt()).isEqualTo(1);
        assertThat(acme.path("flattenedNanos").asLong()).isEqualTo(4_000_000);
        assertThat(acme.path("classicNanos").asLong()).isEqualTo(6_500_000);
        assertThat(acme.path("savingsMs").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void startupLogPrintsTheSignInLinkWithoutAGivenToken() {
        String adminUrl = server.server().adminUrl();

        assertThat(startupLog).contains("Bindery admin listener on " + adminUrl + " (token ")
                .contains("Bindery dashboard: " + adminUrl + "/?token=<BINDERY_ADMIN_TOKEN>");
    }

    @Test
    void startupLogPrintsTheSignInLinkWithAGeneratedToken() throws IOException {
        try (var loader = WorkerLoader.create();
                var log = LogCapture.of("io.bindery.server");
                var generated = BinderyServer.start(WorkerRuntime.create(echo(loader), loader),
                        null, () -> null)) {
            String link = "Bindery dashboard: " + generated.adminUrl() + "/?token="
                    + generated.adminToken();

            assertThat(log.at(Level.INFO)).extracting(record -> record.getMessage())
                    .contains(link);
        }
    }

    @Test
    void scriptNeverParsesMarkupOrLoadsFromElsewhere() throws IOException {
        String script = resource("dashboard/dashboard.js");
        String page = resource("dashboard/index.html");

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(", "new Function");
        String svgNamespace = "http://www.w3.org/2000/svg";
        assertThat(script.replace(svgNamespace, "") + page)
                .doesNotContain("http://", "https://", "//cdn");
    }

    private static BinderyConfig echo(WorkerLoader loader) {
        return ConfigLoader.create(loader, TestServer::freePorts, System::getProperty)
                .load("generated.yaml", "workers: [{name: echo, "
                        + "class: io.bindery.server.testworkers.Echo, routes: [\"/\"]}]\n",
                        Path.of(""));
    }

    private static String signIn() {
        HttpResponse<String> response = server.admin("/?token=" + TestServer.ADMIN_TOKEN);
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BillingRecord record(String account, long flattened, long classic,
            boolean complete) {
        String id = "%032x".formatted(RECORDS.incrementAndGet());
        return new BillingRecord(id, account, "echo",
                "/echo", "/echo", "GET", 200, null, Instant.now(), flattened, classic, 0,
                Map.of(), 0, 0, 1, complete, complete ? null : "max-trace-age", List.of());
    }
}
