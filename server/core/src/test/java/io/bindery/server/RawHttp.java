package io.bindery.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Talks HTTP/1.1 over a plain socket, for requests the JDK client will not send as they are:
 * a body announced but never sent, endless chunks, oversized header sections.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends a request head, then body bytes until the server answers, and reads the answer.
     *
     * @param port the server's port
     * @param head the request line and header fields, each line ending in CRLF, without the
     *     empty line that ends the head
     * @param chunk body bytes sent again and again, as they are, until the server answers or
     *     {@code maxChunks} were sent; {@code null} to send no body
     * @param maxChunks the most times to send the chunk
     * @return the whole answer as text: status line, header fields and body
     */
    public static String exchange(int port, String head, byte[] chunk, int maxChunks) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var in = new PushbackInputStream(socket.getInputStream());
            socket.setSoTimeout(200);
            for (int i = 0; chunk != null && i < maxChunks; i++) {
                if (!write(out, chunk) || answered(in)) {
                    break;
                }
            }
            socket.setSoTimeout(20_000);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the status code of a raw answer.
     *
     * @param answer what {@link #exchange} returned
     * @return the code
     */
    public static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /**
     * Returns the body of a raw answer.
     *
     * @param answer what {@link #exchange} returned
     * @return the text after the head
     */
    public static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? "" : answer.substring(end + 4);
    }

    /** Waits a little for the answer to begin; leaves what it read in the stream. */
    private static boolean answered(PushbackInputStream in) throws IOException {
        try {
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean write(OutputStream out, byte[] chunk) {
        try {
            out.write(chunk);
            out.flush();
            return true;
        } catch (SocketException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        var answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketException e) {
            if (answer.size() == 0) {
                throw e;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, end));
        return length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    /**
     * Returns a header field of a raw answer.
     *
     * @param answer what {@link #exchange} returned
     * @param name the field name, in any case
     * @return its first value, or {@code null} when absent
     */
    public static String header(String answer, String name) {
        int end = answer.indexOf("\r\n\r\n");
        for (String line : answer.substring(0, Math.max(0, end)).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
