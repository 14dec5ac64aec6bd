package io.bindery.agent.trace;

import io.opentelemetry.api.common.AttributeKey;

/** Names the attributes of the span contract. */
public final class SpanKeys {

    /** The span's role: request, worker, binding, background, http or io. */
    public static final AttributeKey<String> SPAN = AttributeKey.stringKey("bindery.span");
    /** The worker: the entry worker on a request span, the caller on a binding span. */
    public static final AttributeKey<String> WORKER = AttributeKey.stringKey("bindery.worker");
    /** The deployed version of the worker of a worker or background span, such as 3. */
    public static final AttributeKey<String> WORKER_VERSION =
            AttributeKey.stringKey("bindery.worker.version");
    /** The account billed. */
    public static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("bindery.account");
    /** The request's id, equal to its trace id. */
    public static final AttributeKey<String> REQUEST_ID =
            AttributeKey.stringKey("bindery.request.id");
    /** How a worker was invoked: entry or bound. */
    public static final AttributeKey<String> INVOCATION =
            AttributeKey.stringKey("bindery.invocation");
    /** The binding's name in the caller's configuration. */
    public static final AttributeKey<String> BINDING = AttributeKey.stringKey("bindery.binding");
    /** The worker a binding calls. */
    public static final AttributeKey<String> TARGET = AttributeKey.stringKey("bindery.target");
    /** The RPC system of a typed binding call: always bindery. */
    public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    /** The interface a typed binding call goes through. */
    public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    /** The method a typed binding call runs. */
    public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    /** The kind of blocking operation of an io span, such as socket.read. */
    public static final AttributeKey<String> IO_OP = AttributeKey.stringKey("bindery.io.op");
    /** How many operations below the I/O threshold ran in the span. */
    public static final AttributeKey<Long> SHORT_COUNT =
            AttributeKey.longKey("bindery.io.short_count");
    /** The nanoseconds those short operations took, added up. */
    public static final AttributeKey<Long> SHORT_NANOS =
            AttributeKey.longKey("bindery.io.short_nanos");
    /** The HTTP method. */
    public static final AttributeKey<String> HTTP_METHOD =
            AttributeKey.stringKey("http.request.method");
    /** The HTTP response status code. */
    public static final AttributeKey<Long> HTTP_STATUS =
            AttributeKey.longKey("http.response.status_code");
    /** The matched route pattern. */
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    /** The path of an incoming request. */
    public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    /** The full URL of an outbound request. */
    public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    /** The host of an outbound request. */
    public static final AttributeKey<String> SERVER_ADDRESS =
            AttributeKey.stringKey("server.address");
    /** The port of an outbound request. */
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    /** The class of the failure, or the HTTP status code of a failed call. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private SpanKeys() {
    }
}
