package io.bindery.telemetry;

import java.time.Duration;
import java.util.Map;

/**
 * Configures {@link BinderyTelemetry#start}: what the OpenTelemetry environment does not say.
 *
 * <p>{@code OTEL_*} environment variables and {@code otel.*} system properties always win over
 * these values; {@code otelDefaults} are {@code otel.*} properties used when neither sets them.
 *
 * <p>Note: the component is named {@code otelDefaults}, not {@code defaults}, because a record
 * accessor {@code defaults()} would clash with the static factory {@link #defaults()}.
 *
 * @param serviceName the default {@code service.name}; default {@code bindery}
 * @param recentRecords how many billing records the in-memory window keeps; default 1,000
 * @param maxTraceAge how long a trace may stay open before it is billed incomplete; default 60 s
 * @param maxOpenTraces how many traces billing follows at once; default 10,000
 * @param otelDefaults extra default {@code otel.*} properties, e.g.
 *     {@code otel.bsp.schedule.delay=50}; unmodifiable copy, never null
 */
public record TelemetryOptions(String serviceName, int recentRecords, Duration maxTraceAge,
        int maxOpenTraces, Map<String, String> otelDefaults) {

    /** Checks every value and copies the defaults. */
    public TelemetryOptions {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("serviceName must not be blank, got '"
                    + serviceName + "'; pass a name such as \"bindery\".");
        }
        if (recentRecords < 1 || maxOpenTraces < 1) {
            throw new IllegalArgumentException("recentRecords and maxOpenTraces must be at "
                    + "least 1, got " + recentRecords + " and " + maxOpenTraces + ".");
        }
        if (maxTraceAge == null || maxTraceAge.isNegative() || maxTraceAge.isZero()) {
            throw new IllegalArgumentException("maxTraceAge must be positive, got "
                    + maxTraceAge + "; pass for example Duration.ofSeconds(60).");
        }
        otelDefaults = otelDefaults == null ? Map.of() : Map.copyOf(otelDefaults);
    }

    /**
     * Returns the defaults: service {@code bindery}, 1,000 recent records, 60 s maximum trace
     * age, 10,000 open traces, no extra properties.
     *
     * @return the default options
     */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions("bindery", 1_000, Duration.ofSeconds(60), 10_000, Map.of());
    }

    /**
     * Returns a copy with other extra default properties.
     *
     * @param properties {@code otel.*} properties used when the environment does not set them
     * @return the new options
     */
    public TelemetryOptions withDefaults(Map<String, String> properties) {
        return new TelemetryOptions(serviceName, recentRecords, maxTraceAge, maxOpenTraces,
                properties);
    }
}
