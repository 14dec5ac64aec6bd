package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Routes routes = new Routes(table(
            "/*", "fallback",
            "/api/*", "api",
            "/api/admin/*", "admin",
            "/api/login", "login",
            "/", "home"));

    @Test
    void exactRouteWinsOverEveryPrefix() {
        assertThat(routes.match("/api/login")).contains(new Routes.Match("/api/login", "login"));
        assertThat(routes.match("/")).contains(new Routes.Match("/", "home"));
    }

    @Test
    void longerPrefixWinsOverShorter() {
        assertThat(routes.match("/api/admin/users"))
                .contains(new Routes.Match("/api/admin/*", "admin"));
        assertThat(routes.match("/api/users")).contains(new Routes.Match("/api/*", "api"));
    }

    @Test
    void prefixMatchesItsBaseAndWholeSegmentsOnly() {
        assertThat(routes.match("/api")).contains(new Routes.Match("/api/*", "api"));
        assertThat(routes.match("/api/")).contains(new Routes.Match("/api/*", "api"));
        assertThat(routes.match("/apix")).contains(new Routes.Match("/*", "fallback"));
    }

    @Test
    void catchAllMatchesEverythingElse() {
        assertThat(routes.match("/anything/at/all"))
                .contains(new Routes.Match("/*", "fallback"));
    }

    @Test
    void pathWithoutRouteMatchesNothing() {
        var narrow = new Routes(table("/login", "login", "/api/*", "api"));

        assertThat(narrow.match("/logout")).isEmpty();
        assertThat(narrow.match("/login/extra")).isEmpty();
        assertThat(narrow.match("/apiary")).isEmpty();
    }

    private static Map<String, String> table(String... pairs) {
        var table = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return table;
    }
}
