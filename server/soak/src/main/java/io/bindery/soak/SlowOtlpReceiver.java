package io.bindery.soak;

import com.sun.net.httpserver.HttpServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays an OTLP/HTTP collector on loopback that takes its time: every export request is read
 * in full and answered {@code 200} with an empty protobuf body after a fixed delay.
 * Thread-safe.
 */
final class SlowOtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private SlowOtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the receiver on a free loopback port.
     *
     * @param delay how long it waits before each answer
     * @return the running receiver
     */
    static SlowOtlpReceiver start(Duration delay) {
        var receiver = new SlowOtlpReceiver(Fixtures.httpServer(0));
        receiver.server.createContext("/", exchange -> {
            receiver.requests.incrementAndGet();
            receiver.bytes.addAndGet(Fixtures.answer(exchange, delay, 200,
                    "application/x-protobuf", ""));
        });
        receiver.server.start();
        return receiver;
    }

    /** @return the endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT} */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the export requests received so far */
    long requests() {
        return requests.get();
    }

    /** @return the bytes of export requests received so far */
    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
