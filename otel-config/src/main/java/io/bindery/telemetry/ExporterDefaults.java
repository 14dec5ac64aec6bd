package io.bindery.telemetry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes the lowest-priority {@code otel.*} properties: the service name; OTLP over
 * {@code http/protobuf}, the protocol the bundled JDK HttpClient sender speaks (there is no gRPC
 * sender on the class path); and exporters set to {@code none} so the demo runs without a
 * collector, unless the user chose an exporter or an OTLP endpoint. Stateless.
 */
final class ExporterDefaults {

    private static final String[] SIGNALS = {"traces", "metrics", "logs"};

    private ExporterDefaults() {
    }

    /**
     * Computes the defaults.
     *
     * @param options the caller's options; its {@code otelDefaults} win over the computed ones
     * @param sysprops looks up a system property, null if unset
     * @param env the environment variables
     */
    static Map<String, String> properties(TelemetryOptions options,
            Function<String, String> sysprops, Map<String, String> env) {
        Function<String, Boolean> isSet = property -> sysprops.apply(property) != null
                || env.get(envName(property)) != null
                || options.otelDefaults().containsKey(property);
        var result = new HashMap<String, String>();
        if (!serviceNameInResource(sysprops, env)) {
            result.put("otel.service.name", options.serviceName());
        }
        result.put("otel.exporter.otlp.protocol", "http/protobuf");
        boolean endpoint = isSet.apply("otel.exporter.otlp.endpoint");
        for (var signal : SIGNALS) {
            if (!endpoint && !isSet.apply("otel." + signal + ".exporter")
                    && !isSet.apply("otel.exporter.otlp." + signal + ".endpoint")) {
                result.put("otel." + signal + ".exporter", "none");
            }
        }
        result.putAll(options.otelDefaults());
        return result;
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean serviceNameInResource(Function<String, String> sysprops,
            Map<String, String> env) {
        var attributes = sysprops.apply("otel.resource.attributes");
        if (attributes == null) {
            attributes = env.get("OTEL_RESOURCE_ATTRIBUTES");
        }
        return attributes != null && attributes.matches("(^|.*,)\\s*service\\.name\\s*=.*");
    }
}
