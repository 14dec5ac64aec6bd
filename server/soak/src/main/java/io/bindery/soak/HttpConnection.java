package io.bindery.soak;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends HTTP/1.1 requests over one keep-alive loopback connection and reads the answers: the
 * status, the {@code traceresponse} header and whether the server closes the connection.
 *
 * <p>Raw sockets, not the JDK client, so that one load connection is exactly one TCP
 * connection and malformed requests can be written byte for byte. Reconnects when the server
 * closed the connection. Not thread-safe: one connection per load thread.
 */
final class HttpConnection implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    /** The last four bytes of an answer's head, CR LF CR LF, as one int. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Writes a request and reads its answer, reconnecting first if needed.
     *
     * @param request the request's bytes, head and body
     * @return the answer
     * @throws IOException when the connection fails or the answer is not HTTP
     */
    Answer send(byte[] request) throws IOException {
        return send(request, false);
    }

    /**
     * Writes a request, optionally closes the sending side (a truncated body), and reads the
     * answer.
     *
     * @param request the request's bytes
     * @param endOutput whether to shut the output down after writing
     * @return the answer
     * @throws IOException when the connection fails or the answer is not HTTP
     */
    Answer send(byte[] request, boolean endOutput) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            if (endOutput) {
                socket.shutdownOutput();
            }
            Answer answer = read();
            if (answer.closes() || endOutput) {
                close();
            }
            return answer;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that failed already has nothing left to report.
            }
            socket = null;
        }
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = status(lines[0]);
        String traceResponse = null;
        long length = -1;
        boolean chunked = false;
        boolean closes = lines[0].startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "traceresponse" -> traceResponse = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closes |= value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length > 0) {
            skip(length);
        }
        return new Answer(status, traceId(traceResponse), closes);
    }

    private String readHead() throws IOException {
        var head = new ByteArrayOutputStream(256);
        int last4 = 0;
        while (last4 != END_OF_HEAD) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The server closed the connection after "
                        + head.size() + " bytes of an answer");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (head.size() > MAX_HEAD) {
                throw new IOException("An answer head longer than " + MAX_HEAD + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: '" + statusLine + "'");
        }
        return Integer.parseInt(parts[1]);
    }

    private void skipChunks() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine
                    : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    continue;
                }
                return;
            }
            skip(size);
            readLine();
        }
    }

    private String readLine() throws IOException {
        var line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("The server closed the connection inside a chunk");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("The server closed the connection with " + left
                            + " body bytes missing");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** Returns the trace id of a {@code traceresponse} value, or null without one. */
    private static String traceId(String traceResponse) {
        if (traceResponse == null) {
            return null;
        }
        String[] parts = traceResponse.split("-");
        return parts.length == 4 ? parts[1] : null;
    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param traceId the trace id of its {@code traceresponse} header, or null without one
     * @param closes whether the server closes the connection after it
     */
    record Answer(int status, String traceId, boolean closes) {
    }
}
