package io.bindery.server.config;

import io.bindery.server.config.YamlNode.Mapping;
import java.util.List;
import java.util.Set;

/**
 * Reads the top-level {@code limits:} section and the {@code limits:} blocks of workers.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class LimitsBinder {

    /** The keys of the top-level section. */
    static final List<String> KEYS = List.of("backgroundTaskTimeout", "maxInvocations",
            "fetchConnectTimeout", "fetchTimeout", "kvMaxEntries", "maxSubrequests",
            "requestTimeout", "maxRequestBodySize", "maxHeaderSize", "maxHeaderCount",
            "maxUrlLength");

    /** Keys that only the top-level section may hold, and why. */
    private static final Set<String> HELIDON_KEYS = Set.of("maxHeaderSize", "maxUrlLength");

    private final Fields fields;

    LimitsBinder(Fields fields) {
        this.fields = fields;
    }

    Limits global(Mapping section) {
        fields.checkKeys(section, KEYS);
        Limits d = Limits.defaults();
        return new Limits(
                fields.duration(section, "backgroundTaskTimeout")
                        .orElse(d.backgroundTaskTimeout()),
                fields.positive(section, "maxInvocations").orElse(d.maxInvocations()),
                fields.duration(section, "fetchConnectTimeout").orElse(d.fetchConnectTimeout()),
                fields.duration(section, "fetchTimeout").orElse(d.fetchTimeout()),
                fields.positive(section, "kvMaxEntries").orElse(d.kvMaxEntries()),
                fields.positive(section, "maxSubrequests").orElse(d.maxSubrequests()),
                fields.duration(section, "requestTimeout").orElse(d.requestTimeout()),
                fields.size(section, "maxRequestBodySize", Long.MAX_VALUE)
                        .orElse(d.maxRequestBodySize()),
                intSize(section, "maxHeaderSize", d.maxHeaderSize()),
                fields.positive(section, "maxHeaderCount").orElse(d.maxHeaderCount()),
                intSize(section, "maxUrlLength", d.maxUrlLength()));
    }

    WorkerLimits worker(Mapping entry) {
        var section = fields.mapping(entry, "limits");
        if (section.isEmpty()) {
            return WorkerLimits.NONE;
        }
        Mapping block = section.get();
        rejectGlobalKeys(block);
        return new WorkerLimits(
                fields.positive(block, "maxInvocations").orElse(null),
                fields.positive(block, "maxSubrequests").orElse(null),
                fields.duration(block, "requestTimeout").orElse(null),
                fields.duration(block, "backgroundTaskTimeout").orElse(null),
                fields.size(block, "maxRequestBodySize", Long.MAX_VALUE).orElse(null),
                fields.positive(block, "maxHeaderCount").orElse(null));
    }

    private int intSize(Mapping section, String key, int fallback) {
        return fields.size(section, key, Integer.MAX_VALUE).map(Long::intValue)
                .orElse(fallback);
    }

    private void rejectGlobalKeys(Mapping block) {
        block.entries().forEach((key, node) -> {
            if (WorkerLimits.KEYS.contains(key)) {
                return;
            }
            if (KEYS.contains(key)) {
                String why = HELIDON_KEYS.contains(key)
                        ? "Helidon checks it before the request is routed to a worker"
                        : "it applies to the whole server";
                fields.problems().add(node, "'" + key + "' cannot be set per worker, because "
                        + why, "move it to the top-level 'limits:' section; a worker's "
                        + "block may set " + String.join(", ", WorkerLimits.KEYS));
            } else {
                fields.problems().add(node, "unknown property '" + key + "'",
                        Suggestions.fix(key, WorkerLimits.KEYS, "known keys here"));
            }
        });
    }
}
