package io.bindery.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the raw HTTP/1.1 client against a scripted loopback server. */
class HttpConnectionTest {

    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : accepted) {
            socket.close();
        }
        server.close();
    }

    @Test
    void readsStatusTraceIdAndLengthBodyThenReusesTheConnection() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\ntraceresponse: 00-" + TRACE + "-00f067aa0ba902b7-01"
                + "\r\nContent-Length: 5\r\n\r\nhello";
        int port = serve(answer + answer);

        try (var connection = new HttpConnection(port, 5_000)) {
            assertThat(connection.send(GET)).isEqualTo(new HttpConnection.Answer(200, TRACE,
                    false));
            assertThat(connection.send(GET)).isEqualTo(new HttpConnection.Answer(200, TRACE,
                    false));
        }
        assertThat(accepted).hasSize(1);
    }

    @Test
    void skipsAChunkedBodyAndSeesConnectionClose() throws IOException {
        int port = serve("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n3;x=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");

        try (var connection = new HttpConnection(port, 5_000)) {
            assertThat(connection.send(GET)).isEqualTo(new HttpConnection.Answer(503, null,
                    true));
        }
    }

    @Test
    void aConnectionClosedBeforeAnAnswerIsAnError() throws IOException {
        int port = serve("");

        try (var connection = new HttpConnection(port, 5_000)) {
            assertThatThrownBy(() -> connection.send(GET)).isInstanceOf(EOFException.class)
                    .hasMessageContaining("after 0 bytes");
        }
    }

    /** Accepts connections; on each, reads one request head and writes the script, closing
     * the connection when the script is empty. */
    private int serve(String script) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                readHead(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(script.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (script.isEmpty()) {
                    socket.close();
                }
            } catch (IOException closed) {
                // The test ended the server.
            }
        });
        return server.getLocalPort();
    }

    private static void readHead(InputStream in) throws IOException {
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            last4 = (last4 << 8) | b;
        }
    }
}
