package io.bindery.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.demo.UpstreamUserService;
import io.bindery.e2e.Configs;
import io.bindery.e2e.ForkedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Drives the dashboard in headless Chromium against the demo with the agent attached: sign-in
 * by link, the live table, one /getuser lifetime with its two bills, and the 401 page.
 */
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static UpstreamUserService upstream;
    private static ForkedServer server;
    private static Demo demo;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        upstream = UpstreamUserService.start(0);
        server = ForkedServer.builder("dashboard").config(Configs.demo(upstream.url())).start();
        demo = new Demo(server);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void signInLinkSetsTheCookieAndTakesTheTokenOutOfTheAddress() {
        browser.open(demo.dashboardLink());

        assertThat(browser.url()).isEqualTo(demo.adminRoot()).doesNotContain("token");
        assertThat(browser.driver().manage().getCookies()).singleElement()
                .satisfies(cookie -> {
                    assertThat(cookie.isHttpOnly()).isTrue();
                    assertThat(cookie.getSameSite()).isEqualTo("Strict");
                    assertThat(cookie.getValue()).doesNotContain(server.adminToken());
                });
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(browser.one("#live").getText()).startsWith("live"));
    }

    @Test
    void tableShowsTheDemoRequestsAndUpdatesByItself() {
        Demo.Login login = demo.login();
        String first = demo.getUser(login.session());
        awaitRecords(login.traceId(), first);
        browser.open(demo.dashboardLink());
        awaitRows(login.traceId(), first);

        String later = demo.getUser(login.session());
        awaitRecords(later);

        awaitRows(later);
        assertThat(rowText(later)).contains("api-gateway, auth, get-user", "200",
                Demo.ms(demo.record(later).path("flattenedNanos").asLong()));
        assertThat(browser.all("#accounts tbody tr")).anySatisfy(row ->
                assertThat(row.getText()).startsWith("demo"));
    }

    @Test
    void getUserLifetimeHasOneRowPerInvocationAndTheApiBills() {
        Demo.Login login = demo.login();
        String traceId = demo.getUser(login.session());
        JsonNode record = awaitRecords(traceId).get(0);
        browser.open(demo.dashboardLink());
        awaitRows(traceId);

        browser.one("#requests tr[data-trace-id='" + traceId + "'] a").click();

        awaitChart(record);
        assertThat(browser.url()).endsWith("#trace=" + traceId);
        assertThat(lanes()).containsExactly("api-gateway", "auth", "get-user");
        assertFigure("#bill-flattened", record.path("flattenedNanos").asLong());
        assertFigure("#bill-classic", record.path("classicNanos").asLong());
        assertThat(text(browser.one("#bill-saved")))
                .startsWith("saved " + Demo.ms(record.path("savingsNanos").asLong()));
        assertClassicBarIsLongerInProportion(record);
        assertThat(browser.screenshot("dashboard-getuser.png")).isNotEmptyFile();
    }

    @Test
    void traceIdInputOpensThatRequest() {
        Demo.Login login = demo.login();
        JsonNode record = awaitRecords(login.traceId()).get(0);
        browser.open(demo.dashboardLink());

        WebElement input = browser.one("#trace-input");
        input.clear();
        input.sendKeys(login.traceId(), Keys.ENTER);

        awaitChart(record);
        assertThat(browser.url()).endsWith("#trace=" + login.traceId());
        assertThat(lanes()).containsExactly("api-gateway", "login");
    }

    @Test
    void refusesThePageWithoutTheTokenOrCookie() {
        HttpResponse<String> bare = demo.admin("/");
        HttpResponse<String> wrong = demo.admin("/?token=not-the-token");
        HttpResponse<String> script = demo.admin("/dashboard/dashboard.js");

        for (HttpResponse<String> response : List.of(bare, wrong, script)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("dashboard.js", "Recent requests",
                    "fetch(");
        }
        assertThat(bare.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        browser.open(demo.adminRoot() + "health");
        browser.driver().manage().deleteAllCookies();
        browser.open(demo.adminRoot());
        assertThat(browser.driver().getTitle()).contains("sign-in needed");
        assertThat(browser.all("#requests")).isEmpty();
        assertThat(browser.one("body").getText()).contains("401");
        browser.screenshot("dashboard-401.png");
    }

    private static List<JsonNode> awaitRecords(String... traceIds) {
        return await().atMost(WAIT).until(() -> List.of(traceIds).stream()
                .map(demo::record).toList(), records -> !records.contains(null));
    }

    private static void awaitRows(String... traceIds) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            for (String traceId : traceIds) {
                assertThat(browser.all("#requests tbody tr[data-trace-id='" + traceId + "']"))
                        .hasSize(1);
            }
        });
    }

    private static String rowText(String traceId) {
        return browser.one("#requests tbody tr[data-trace-id='" + traceId + "']").getText();
    }

    private static void awaitChart(JsonNode record) {
        String nanos = record.path("flattenedNanos").asText();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.one("#bill-flattened").getDomAttribute("data-nanos")).isEqualTo(nanos));
    }

    private static List<String> lanes() {
        return browser.all("#chart g.lane").stream()
                .map(lane -> lane.getDomAttribute("data-worker")).toList();
    }

    private static void assertFigure(String css, long nanos) {
        WebElement figure = browser.one(css);
        assertThat(text(figure)).isEqualTo(Demo.ms(nanos));
        assertThat(figure.getDomAttribute("data-nanos")).isEqualTo(Long.toString(nanos));
        assertThat(figure.isDisplayed()).isTrue();
    }

    private static void assertClassicBarIsLongerInProportion(JsonNode record) {
        double union = widths("#chart rect.union");
        double classic = widths("#chart g.part > rect:first-of-type");
        double expected = record.path("classicNanos").asDouble()
                / record.path("flattenedNanos").asDouble();
        assertThat(classic).isGreaterThan(union);
        assertThat(classic / union).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    }

    private static double widths(String css) {
        return browser.all(css).stream()
                .mapToDouble(rect -> Double.parseDouble(rect.getDomAttribute("width"))).sum();
    }

    private static String text(WebElement element) {
        return element.getDomProperty("textContent");
    }
}
