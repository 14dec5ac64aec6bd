package io.bindery.server.http;

import io.bindery.server.config.Limits;
import io.bindery.server.runtime.WorkerRuntime;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http1.Http1Config;
import java.util.function.Supplier;

/**
 * Configures the limits Helidon enforces on the public listener before routing: request line
 * length ({@code maxUrlLength}), header size ({@code maxHeaderSize}) and the largest body any
 * entry worker accepts ({@code maxRequestBodySize}), how many requests run at once
 * ({@code server.maxConcurrentRequests}; Helidon answers 503 beyond it, before routing), and
 * the handler that answers and bills what Helidon refuses.
 */
public final class PublicListener {

    /**
     * The bytes a request line has besides its target: the method, two spaces and the
     * protocol, such as {@code OPTIONS } and {@code  HTTP/1.1}.
     */
    public static final int REQUEST_LINE_OVERHEAD = 32;

    private PublicListener() {
    }

    /**
     * Applies the public listener's limits to a web server builder.
     *
     * @param builder the builder of the server whose default socket is the public listener
     * @param runtime the deployed workers, whose dispatcher answers refused requests
     * @param baseUrl the public listener's base URL, for requests without a Host header;
     *     read only after the server has started
     * @return the builder
     */
    public static WebServerConfig.Builder configure(WebServerConfig.Builder builder,
            WorkerRuntime runtime, Supplier<String> baseUrl) {
        Limits limits = runtime.config().limits();
        var handler = new RejectionHandler(runtime.dispatcher(), baseUrl);
        return builder
                .maxPayloadSize(runtime.maxRequestBodySize())
                .maxConcurrentRequests(runtime.config().server().maxConcurrentRequests())
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(limits.maxHeaderSize())
                        .maxPrologueLength(limits.maxUrlLength() + REQUEST_LINE_OVERHEAD)
                        .build())
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .directHandlers(DirectHandlers.builder()
                        .addHandler(EventType.BAD_REQUEST, handler)
                        .build());
    }
}
