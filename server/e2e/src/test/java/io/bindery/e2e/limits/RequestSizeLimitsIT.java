package io.bindery.e2e.limits;

import static io.bindery.e2e.Records.record;
import static io.bindery.e2e.limits.E2e.limitError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import io.bindery.e2e.Records;
import io.bindery.server.RawHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the size limits of incoming requests, with the agent attached: body (413, before it
 * is read whole), header count and header size (431), request line (414); each refused
 * request that Helidon could parse is still routed and billed to the entry worker's account.
 */
class RequestSizeLimitsIT {

    private static ForkedServer server;

    @BeforeAll
    static void startServer() {
        server = E2e.start("limits-sizes", E2e.config("""
                  maxRequestBodySize: 64KiB
                  maxHeaderCount: 20
                  maxHeaderSize: 4KiB
                  maxUrlLength: 1KiB
                """, """
                  - { name: sizes, class: io.bindery.e2e.limits.workers.BodySize,
                      account: acme, routes: ["/*"] }
                """));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bodyWithinTheLimitIsServed() {
        HttpResponse<String> response = Http.post(server.uri("/upload"),
                "\"" + "x".repeat(60_000) + "\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("60002 bytes");
    }

    @Test
    void announcedBodyOverTheLimitGets413BeforeItIsSentAndIsBilled() {
        String answer = RawHttp.exchange(port(), "POST /upload HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: 1000000\r\n", null, 0);

        JsonNode body = limitError(RawHttp.status(answer), RawHttp.body(answer), 413,
                "RequestBodyTooLarge");
        assertThat(body.path("limit").asText()).isEqualTo("maxRequestBodySize");
        assertThat(body.path("value").asText()).isEqualTo("65536");
        assertThat(body.path("message").asText()).contains("a Content-Length of 1000000 bytes")
                .contains("at most 65536 bytes (64 KiB) (limits.maxRequestBodySize)");
        assertRefusedAndBilled(answer, 413);
    }

    @Test
    void chunkedBodyOverTheLimitGets413OnceTheLimitIsPassedAndIsBilled() {
        byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        String answer = RawHttp.exchange(port(), "POST /upload HTTP/1.1\r\n"
                + "Host: localhost\r\nTransfer-Encoding: chunked\r\n", chunk, 1_000);

        JsonNode body = limitError(RawHttp.status(answer), RawHttp.body(answer), 413,
                "RequestBodyTooLarge");
        assertThat(body.path("configKey").asText()).isEqualTo("limits.maxRequestBodySize");
        assertRefusedAndBilled(answer, 413);
    }

    @Test
    void tooManyHeaderFieldsGet431AndAreBilled() {
        var head = new StringBuilder("GET /many HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 25; i++) {
            head.append("X-Field-").append(i).append(": v\r\n");
        }

        String answer = RawHttp.exchange(port(), head.toString(), null, 0);

        JsonNode body = limitError(RawHttp.status(answer), RawHttp.body(answer), 431,
                "TooManyHeaders");
        assertThat(body.path("message").asText()).contains("26 header fields")
                .contains("at most 20 are allowed (limits.maxHeaderCount)");
        assertRefusedAndBilled(answer, 431);
    }

    @Test
    void headerSectionOverItsSizeGets431FromHelidonAndIsBilled() {
        String answer = RawHttp.exchange(port(), "GET /big-header HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Big: " + "h".repeat(5_000) + "\r\n", null, 0);

        JsonNode body = limitError(RawHttp.status(answer), RawHttp.body(answer), 431,
                "HeadersTooLarge");
        assertThat(body.path("message").asText()).contains("exceed 4096 bytes (4 KiB)")
                .contains("(limits.maxHeaderSize)");
        assertRefusedAndBilled(answer, 431);
    }

    @Test
    void requestLineOverItsLengthGets414WithTheLimitNamed() {
        String answer = RawHttp.exchange(port(), "GET /long?" + "q".repeat(2_000)
                + " HTTP/1.1\r\nHost: localhost\r\n", null, 0);

        JsonNode body = limitError(RawHttp.status(answer), RawHttp.body(answer), 414,
                "UrlTooLong");
        assertThat(body.path("message").asText()).contains("exceeds 1024 bytes (1 KiB)")
                .contains("limits.maxUrlLength");
    }

    private static void assertRefusedAndBilled(String answer, int status) {
        String traceresponse = RawHttp.header(answer, "traceresponse");
        assertThat(traceresponse).as(answer).isNotNull();
        String traceId = traceresponse.split("-")[1];
        assertThat(Records.json(RawHttp.body(answer)).path("requestId").asText())
                .isEqualTo(traceId);
        JsonNode record = record(server, traceId);
        assertThat(record.path("status").asInt()).isEqualTo(status);
        assertThat(record.path("account").asText()).isEqualTo("acme");
        assertThat(record.path("entryWorker").asText()).isEqualTo("sizes");
        assertThat(record.path("workers").size()).as("no worker ran").isZero();
    }

    private static int port() {
        return server.publicUrl().getPort();
    }
}
