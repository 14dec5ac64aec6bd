package io.bindery.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpBridgeTest {

    @Test
    void dashboardSessionCookieNeverReachesWorkers() {
        String header = "theme=dark; bindery-dashboard-9090=secret; session=abc";

        assertThat(HttpBridge.withoutDashboardCookies(header)).isEqualTo("theme=dark; session=abc");
    }

    @Test
    void cookieHeaderWithOnlyTheDashboardSessionBecomesEmpty() {
        assertThat(HttpBridge.withoutDashboardCookies("bindery-dashboard-9090=secret")).isEmpty();
    }

    @Test
    void otherCookiesPassUnchanged() {
        assertThat(HttpBridge.withoutDashboardCookies("a=1;b=2")).isEqualTo("a=1;b=2");
    }
}
