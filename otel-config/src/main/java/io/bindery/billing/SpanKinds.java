package io.bindery.billing;

import io.opentelemetry.api.common.AttributeKey;

/** Names the {@code bindery.span} values and the attributes billing reads. */
final class SpanKinds {

    static final AttributeKey<String> BINDERY_SPAN = AttributeKey.stringKey("bindery.span");
    static final AttributeKey<String> WORKER = AttributeKey.stringKey("bindery.worker");
    static final AttributeKey<String> WORKER_VERSION =
            AttributeKey.stringKey("bindery.worker.version");
    static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("bindery.account");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> STATUS =
            AttributeKey.longKey("http.response.status_code");

    static final byte UNKNOWN = 0;
    static final byte REQUEST = 1;
    static final byte WORKER_SPAN = 2;
    static final byte BINDING = 3;
    static final byte BACKGROUND = 4;
    static final byte HTTP = 5;
    static final byte IO = 6;
    static final byte OTHER = 7;

    private static final String[] NAMES =
            {"other", "request", "worker", "binding", "background", "http", "io", "other"};

    private SpanKinds() {
    }

    /** Maps a {@code bindery.span} value; by length first, cheaper than a string switch. */
    static byte of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.length()) {
            case 7 -> value.equals("request") ? REQUEST
                    : value.equals("binding") ? BINDING : OTHER;
            case 6 -> value.equals("worker") ? WORKER_SPAN : OTHER;
            case 10 -> value.equals("background") ? BACKGROUND : OTHER;
            case 4 -> value.equals("http") ? HTTP : OTHER;
            case 2 -> value.equals("io") ? IO : OTHER;
            default -> OTHER;
        };
    }

    static String name(byte kind) {
        return NAMES[kind];
    }

    static boolean busy(byte kind) {
        return kind == WORKER_SPAN || kind == BACKGROUND;
    }

    static boolean external(byte kind) {
        return kind == HTTP || kind == IO;
    }
}
