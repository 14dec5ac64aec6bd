package io.bindery.e2e.limits;

import static io.bindery.e2e.Http.traceId;
import static io.bindery.e2e.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import io.bindery.e2e.TraceView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the demo's {@code /getuser} when its upstream fails, with the agent attached: an
 * upstream that refuses connections gives 502, one that never answers gives 504 once the
 * fetch timeout is over; both messages name the upstream, and both requests are billed.
 */
class UpstreamFailureIT {

    private static final String LOGIN = "{\"username\":\"alice\",\"password\":\"wonderland\"}";

    private static ServerSocket silent;
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
    private static String refusingUrl;
    private static ForkedServer refusing;
    private static ForkedServer timingOut;

    @BeforeAll
    static void startServers() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(UpstreamFailureIT::holdConnections);
        try (var closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            refusingUrl = "http://127.0.0.1:" + closed.getLocalPort();
        }
        refusing = E2e.start("limits-upstream-refused", demo(refusingUrl));
        timingOut = E2e.start("limits-upstream-timeout",
                demo("http://127.0.0.1:" + silent.getLocalPort()));
    }

    @AfterAll
    static void stopServers() throws IOException {
        for (ForkedServer server : new ForkedServer[] {refusing, timingOut}) {
            if (server != null) {
                server.close();
            }
        }
        silent.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }

    @Test
    void refusedUpstreamGives502NamingItAndIsBilled() {
        HttpResponse<String> response = getUser(refusing);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode body = Records.json(response.body());
        assertThat(body.path("error").asText()).isEqualTo("bad_gateway");
        assertThat(body.path("message").asText()).contains(refusingUrl)
                .contains("refused the connection").contains("ConnectException");
        JsonNode record = record(refusing, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(502);
        assertThat(record.path("subrequests").asInt()).isEqualTo(1);
        TraceView trace = refusing.spans().awaitTrace(traceId(response),
                t -> t.request().isPresent() && t.has("GET"));
        assertThat(trace.one("GET").status()).isEqualTo("ERROR");
    }

    @Test
    void upstreamThatNeverAnswersGives504AfterTheFetchTimeoutAndIsBilled() {
        long start = System.nanoTime();
        HttpResponse<String> response = getUser(timingOut);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        JsonNode body = Records.json(response.body());
        assertThat(body.path("error").asText()).isEqualTo("upstream_timeout");
        assertThat(body.path("message").asText())
                .contains("http://127.0.0.1:" + silent.getLocalPort())
                .contains("did not answer in time");
        assertThat(tookMillis).isBetween(400L, 10_000L);
        JsonNode record = record(timingOut, traceId(response));
        assertThat(record.path("status").asInt()).isEqualTo(504);
        assertThat(record.path("awaitingExternalNanos").asLong())
                .isGreaterThanOrEqualTo(400_000_000L);
    }

    private static HttpResponse<String> getUser(ForkedServer server) {
        HttpResponse<String> login = Http.post(server.uri("/login"), LOGIN);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = Records.json(login.body()).path("token").asText();
        return Http.get(server.uri("/getuser"), "Authorization", "Bearer " + token);
    }

    private static String demo(String upstreamUrl) {
        return E2e.config("""
                  fetchConnectTimeout: 500ms
                  fetchTimeout: 500ms
                """, """
                  - name: api-gateway
                    class: io.bindery.demo.ApiGateway
                    account: demo
                    routes: ["/*"]
                    bindings: { auth: auth, get-user: get-user, login: login, logout: logout }
                  - { name: auth, class: io.bindery.demo.Auth, account: demo,
                      kv: { SESSIONS: sessions } }
                  - { name: login, class: io.bindery.demo.Login, account: demo,
                      kv: { SESSIONS: sessions } }
                  - { name: logout, class: io.bindery.demo.Logout, account: demo,
                      kv: { SESSIONS: sessions } }
                  - { name: get-user, class: io.bindery.demo.GetUser, account: demo,
                      vars: { UPSTREAM_URL: "%s" } }
                """.formatted(upstreamUrl));
    }

    private static void holdConnections() {
        try {
            while (!silent.isClosed()) {
                HELD.add(silent.accept());
            }
        } catch (IOException e) {
            // The test closed the socket: nothing more to accept.
        }
    }
}
