package io.bindery.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records whether the Bindery agent is attached; set by the agent in {@code premain}, read by
 * the server's admin API. Thread-safe; every method is a volatile read or write.
 */
public final class AgentStatus {

    private static volatile Snapshot current = new Snapshot(false, null, Map.of());

    private AgentStatus() {
    }

    /**
     * Marks the agent as attached.
     *
     * @param version the agent's version, may be null
     * @param settings the agent's effective settings; copied, null values dropped
     */
    public static void markAttached(String version, Map<String, String> settings) {
        var copy = new LinkedHashMap<String, String>();
        if (settings != null) {
            settings.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        current = new Snapshot(true, version, Collections.unmodifiableMap(copy));
    }

    /**
     * Tells whether the agent marked itself attached.
     *
     * @return true once {@link #markAttached} ran
     */
    public static boolean attached() {
        return current.attached();
    }

    /**
     * Returns the attached agent's version.
     *
     * @return the version, or null if not attached or unknown
     */
    public static String version() {
        return current.version();
    }

    /**
     * Returns the attached agent's settings.
     *
     * @return an unmodifiable map, empty if not attached
     */
    public static Map<String, String> settings() {
        return current.settings();
    }

    static void reset() {
        current = new Snapshot(false, null, Map.of());
    }

    private record Snapshot(boolean attached, String version, Map<String, String> settings) {
    }
}
