package io.bindery.server.http;

import io.bindery.server.runtime.Dispatcher;
import io.bindery.server.runtime.Limit;
import io.bindery.server.runtime.LimitExceededException;
import io.bindery.server.runtime.RequestLimits;
import io.bindery.server.runtime.RequestScope;
import io.bindery.worker.Json;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Serves the public listener: turns each Helidon request into an API request, hands it to the
 * {@link Dispatcher}, and writes the response back.
 *
 * <p>A request with more header fields than {@code maxHeaderCount} or a body larger than
 * {@code maxRequestBodySize} (the entry worker's limits) is still dispatched, so that it is
 * traced and billed, but as a {@linkplain RequestScope#reject rejected} request whose worker
 * does not run; a refused body also closes the connection, so its unread rest is never read.
 * A body that ends before its {@code Content-Length} (the client went away or shut its side)
 * is answered 400 without being dispatched, so it is neither traced nor billed, and logged at
 * DEBUG only: it is the client's fault, not the server's.
 * Runs on the request's virtual thread (Helidon's default); thread-safe.
 */
public final class PublicHandler implements Handler {

    private static final System.Logger LOGGER = System.getLogger(PublicHandler.class.getName());

    private final Dispatcher dispatcher;

    private PublicHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Creates the handler.
     *
     * @param dispatcher serves each request
     * @return the handler
     */
    public static PublicHandler create(Dispatcher dispatcher) {
        return new PublicHandler(dispatcher);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        RequestScope scope = RequestScope.create();
        RequestLimits limits = dispatcher.limits(req.prologue().uriPath().rawPath());
        Request request;
        try {
            request = HttpBridge.toRequest(req, limits);
        } catch (LimitExceededException e) {
            scope.reject(e);
            if (e.limit() == Limit.REQUEST_BODY) {
                res.header(HeaderValues.CONNECTION_CLOSE);
            }
            request = HttpBridge.toRequestHead(req);
        } catch (IncompleteBodyException e) {
            LOGGER.log(Level.DEBUG, () -> "Request " + scope.requestId() + " refused: "
                    + e.getMessage());
            res.header(HeaderValues.CONNECTION_CLOSE);
            HttpBridge.write(Response.json(400, Json.write(Map.of("error", "bad_request",
                    "message", e.getMessage(), "requestId", scope.requestId()))), res);
            return;
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.DEBUG, () -> "Request " + scope.requestId() + " rejected: " + e);
            HttpBridge.write(Response.json(400, Json.write(Map.of("error", "bad_request",
                    "message", "The request line cannot be read as a URL.", "requestId",
                    scope.requestId()))), res);
            return;
        }
        HttpBridge.write(dispatcher.dispatch(scope, request), res);
    }
}
