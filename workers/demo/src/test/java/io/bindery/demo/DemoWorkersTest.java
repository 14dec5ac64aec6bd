package io.bindery.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the demo workers against a fake platform, without a server. */
class DemoWorkersTest {

    private static final String BASE = "http://demo.test";

    private final FakePlatform platform = new FakePlatform();
    private final ApiGateway gateway = new ApiGateway();

    @BeforeEach
    void wire() {
        platform.workers.put("login", new Login());
        platform.workers.put("logout", new Logout());
        platform.workers.put("auth", new Auth());
        platform.workers.put("get-user", new GetUser());
        platform.vars.put(GetUser.UPSTREAM_URL, "http://upstream.test/");
    }

    @Test
    void loginStoresAnUnguessableTokenForOneHour() {
        Response response = post("/login", "{\"username\":\"bob\",\"password\":\"builder\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(platform.sessions).hasSize(1);
        String token = platform.sessions.keySet().iterator().next();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(response.text()).contains(token).contains("\"expiresIn\":3600");
        assertThat(platform.sessions).containsEntry(token, "bob");
        assertThat(platform.timesToLive).containsEntry(token, Duration.ofHours(1));
    }

    @Test
    void loginRejectsWrongPasswordsUnknownUsersAndBadBodies() {
        assertThat(post("/login", "{\"username\":\"bob\",\"password\":\"wonderland\"}").status())
                .isEqualTo(401);
        assertThat(post("/login", "{\"username\":\"carol\",\"password\":\"\"}").status())
                .isEqualTo(401);
        assertThat(post("/login", "[]").status()).isEqualTo(400);
        assertThat(post("/login", "").status()).isEqualTo(400);
        assertThat(platform.sessions).isEmpty();
    }

    @Test
    void getUserVerifiesTheTokenWithAuthAndPassesTheVerifiedUserOnly() {
        platform.sessions.put("t1", "alice");
        var asked = new AtomicReference<String>();
        platform.outbound = request -> {
            asked.set(request.url().toString());
            return Response.json(200, "{\"username\":\"alice\"}");
        };

        Response response = gateway(Request.builder("GET", BASE + "/getuser")
                .header("Authorization", "Bearer t1")
                .header(DemoHeaders.AUTHENTICATED_USER, "bob")
                .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"username\":\"alice\"}");
        assertThat(asked.get()).isEqualTo("http://upstream.test/users/alice");
    }

    @Test
    void authFailureIsReturnedAsItIs() {
        Response response = gateway(Request.builder("GET", BASE + "/getuser")
                .header("Authorization", "Basic abc").build());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("WWW-Authenticate")).isPresent();
    }

    @Test
    void unreachableUpstreamAnswers502NamingIt() {
        platform.sessions.put("t1", "alice");
        platform.outbound = request -> {
            throw new FakePlatform.UncheckedFetchFailure(new ConnectException("refused"));
        };

        Response response = gateway(Request.builder("GET", BASE + "/getuser")
                .header("Authorization", "bearer t1").build());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("http://upstream.test/")
                .contains("refused the connection").contains("ConnectException");
    }

    @Test
    void upstreamThatDoesNotAnswerInTimeAnswers504NamingIt() {
        platform.sessions.put("t1", "alice");
        platform.outbound = request -> {
            throw new FakePlatform.UncheckedFetchFailure(
                    new java.net.http.HttpTimeoutException("request timed out"));
        };

        Response response = gateway(Request.builder("GET", BASE + "/getuser")
                .header("Authorization", "Bearer t1").build());

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.text()).contains("upstream_timeout")
                .contains("http://upstream.test/").contains("did not answer in time");
    }

    @Test
    void upstreamErrorAnswers502WithItsStatus() {
        platform.sessions.put("t1", "alice");
        platform.outbound = request -> Response.text(503, "busy");

        Response response = gateway(Request.builder("GET", BASE + "/getuser")
                .header("Authorization", "Bearer t1").build());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("answered 503");
    }

    @Test
    void logoutRevokesOnlyLiveTokens() {
        platform.sessions.put("t1", "alice");

        Request logout = Request.builder("POST", BASE + "/logout")
                .header("Authorization", "Bearer t1").build();

        assertThat(gateway(logout).status()).isEqualTo(200);
        assertThat(platform.sessions).isEmpty();
        assertThat(gateway(logout).status()).isEqualTo(401);
    }

    @Test
    void otherPathsAnswer404WithAShortText() {
        Response response = gateway(Request.get(BASE + "/admin"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).isEqualTo("Not found: /admin\n");
    }

    @Test
    void upstreamServiceServesRecordsOverHttp() throws IOException, InterruptedException {
        try (var upstream = UpstreamUserService.start(0);
                var client = java.net.http.HttpClient.newHttpClient()) {
            var ok = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(upstream.url() + "/users/bob")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var missing = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(upstream.url() + "/users/carol")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(upstream.url()).startsWith("http://127.0.0.1:");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"name\":\"Bob the Builder\"");
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    private Response post(String path, String body) {
        return gateway(Request.builder("POST", BASE + path).json(body).build());
    }

    private Response gateway(Request request) {
        return platform.call(gateway, "api-gateway", request);
    }
}
