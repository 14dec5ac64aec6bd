package io.bindery.demo;

import io.bindery.worker.Env;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds what the session workers share: the KV binding name of the session store, and the
 * 401 answer.
 */
final class Sessions {

    /** The KV binding under which {@code auth}, {@code login} and {@code logout} see sessions. */
    static final String KV_BINDING = "SESSIONS";

    private Sessions() {
    }

    static KvNamespace store(Env env) {
        return env.kv(KV_BINDING);
    }

    static Response unauthorized(String message) {
        return Response.builder(401)
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"bindery-demo\"")
                .body(io.bindery.worker.Json.write(error("unauthorized", message)))
                .build();
    }

    static Map<String, Object> error(String error, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }
}
