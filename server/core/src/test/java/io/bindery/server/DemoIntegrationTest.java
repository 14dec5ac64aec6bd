package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.demo.UpstreamUserService;
import io.bindery.server.config.BinderyConfig;
import io.bindery.server.config.ConfigLoader;
import io.bindery.server.runtime.WorkerLoader;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the embedded demo configuration on a real server, with the real upstream service. */
class DemoIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "{\"username\":\"alice\",\"password\":\"wonderland\"}";

    private static UpstreamUserService upstream;
    private static TestServer server;

    @BeforeAll
    static void startDemo() throws IOException {
        upstream = UpstreamUserService.start(0);
        var loader = WorkerLoader.create();
        var properties = Map.of(Main.UPSTREAM_PROPERTY, upstream.url());
        BinderyConfig config = ConfigLoader.create(loader, TestServer::freePorts,
                properties::get).loadResource(Main.DEMO_CONFIG, Path.of(""));
        server = TestServer.start(config, loader, () -> null);
    }

    @AfterAll
    static void stopDemo() throws IOException {
        server.close();
        upstream.close();
    }

    @Test
    void loginWithTheRightPasswordReturnsAToken() throws IOException {
        HttpResponse<String> response = server.post("/login", ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(JSON.readTree(response.body()).path("token").asText()).hasSizeGreaterThan(30);
    }

    @Test
    void loginWithAWrongPasswordIsUnauthorized() throws IOException {
        HttpResponse<String> response = server.post("/login",
                "{\"username\":\"alice\",\"password\":\"looking-glass\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .isEqualTo("unauthorized");
    }

    @Test
    void loginWithBadJsonIsABadRequest() {
        assertThat(server.post("/login", "{not json").statusCode()).isEqualTo(400);
        assertThat(server.post("/login", "{\"username\":1}").statusCode()).isEqualTo(400);
        assertThat(server.get("/login").statusCode()).isEqualTo(405);
    }

    @Test
    void getUserWithATokenReturnsAlicesRecordFromTheUpstream() throws IOException {
        String token = login(ALICE);

        HttpResponse<String> response = server.get("/getuser",
                "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode user = JSON.readTree(response.body());
        assertThat(user.path("username").asText()).isEqualTo("alice");
        assertThat(user.path("name").asText()).isEqualTo("Alice Liddell");
        assertThat(user.path("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void getUserServesEachUserTheirOwnRecord() throws IOException {
        String token = login("{\"username\":\"bob\",\"password\":\"builder\"}");

        HttpResponse<String> response = server.get("/getuser",
                "Authorization", "Bearer " + token, "X-Authenticated-User", "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("username").asText()).isEqualTo("bob");
    }

    @Test
    void getUserWithoutATokenIsUnauthorized() {
        HttpResponse<String> response = server.get("/getuser");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).isPresent();
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void getUserWithAWrongTokenIsUnauthorized() {
        HttpResponse<String> response = server.get("/getuser",
                "Authorization", "Bearer not-a-real-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("unknown or expired");
    }

    @Test
    void logoutRevokesTheToken() throws IOException {
        String token = login(ALICE);

        HttpResponse<String> logout = server.post("/logout", "",
                "Authorization", "Bearer " + token);
        HttpResponse<String> after = server.get("/getuser", "Authorization", "Bearer " + token);
        HttpResponse<String> again = server.post("/logout", "",
                "Authorization", "Bearer " + token);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathAnswers404WithAShortText() {
        HttpResponse<String> response = server.get("/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("text/plain");
        assertThat(response.body()).isEqualTo("Not found: /nothing/here\n");
    }

    private static String login(String credentials) throws IOException {
        HttpResponse<String> response = server.post("/login", credentials);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asText();
    }
}
