package io.bindery.agent.tooling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the agent's own settings, read once at start from system properties
 * {@code bindery.agent.<name>} or environment variables {@code BINDERY_AGENT_<NAME>} (the
 * system property wins). OpenTelemetry itself is configured by the server's SDK through the
 * usual {@code OTEL_*} variables and {@code otel.*} properties.
 *
 * <ul>
 *   <li>{@code io-threshold}: blocking operations shorter than this make no span but are added
 *       up on the enclosing span; a duration such as {@code 1ms}, {@code 500us},
 *       {@code 2s}, {@code 250000ns} or {@code PT0.001S}; default {@code 1ms}.
 *   <li>{@code instrument.<group>}: {@code false} turns off one group of
 *       {@link #GROUPS}; all are on by default.
 * </ul>
 *
 * <p>A bad value is logged at WARNING, naming the value and the fix, and the default is used.
 *
 * @param ioThresholdNanos the I/O threshold in nanoseconds, zero or more
 * @param disabled the groups turned off
 */
public record AgentSettings(long ioThresholdNanos, Set<String> disabled) {

    /** The prefix of the agent's system properties. */
    public static final String PREFIX = "bindery.agent.";

    /** The groups of instrumentation that can be turned off one by one. */
    public static final List<String> GROUPS = List.of("workers", "bindings", "background", "http",
            "sockets", "files", "sleep", "jdbc", "threads");

    /** The default I/O threshold: one millisecond. */
    public static final Duration DEFAULT_IO_THRESHOLD = Duration.ofMillis(1);

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|µs|ms|s)?");

    /** Copies the disabled groups into an immutable, sorted set. */
    public AgentSettings {
        disabled = Set.copyOf(new TreeSet<>(disabled));
    }

    /**
     * Reads the settings of this JVM.
     *
     * @return the settings
     */
    public static AgentSettings fromEnvironment() {
        return read(System::getProperty, System.getenv());
    }

    /**
     * Reads settings from the given sources.
     *
     * @param properties looks up a system property, returning {@code null} when unset
     * @param environment the environment variables
     * @return the settings
     */
    public static AgentSettings read(Function<String, String> properties,
            Map<String, String> environment) {
        Function<String, String> lookup = name -> {
            String value = properties.apply(PREFIX + name);
            return value != null ? value : environment.get(envName(name));
        };
        long threshold = threshold(lookup.apply("io-threshold"));
        var disabled = new TreeSet<String>();
        for (String group : GROUPS) {
            if (!enabled(group, lookup.apply("instrument." + group))) {
                disabled.add(group);
            }
        }
        return new AgentSettings(threshold, disabled);
    }

    /**
     * Tells whether a group of instrumentation is on.
     *
     * @param group one of {@link #GROUPS}, or {@code request}, which is always on
     * @return {@code true} unless turned off
     */
    public boolean enabled(String group) {
        return !disabled.contains(group);
    }

    /**
     * Describes the settings for {@code AgentStatus} and the admin API.
     *
     * @return setting name to value, in a stable order
     */
    public Map<String, String> describe() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("io-threshold", formatNanos(ioThresholdNanos));
        for (String group : GROUPS) {
            settings.put("instrument." + group, Boolean.toString(enabled(group)));
        }
        return settings;
    }

    @Override
    public String toString() {
        return "io-threshold " + formatNanos(ioThresholdNanos)
                + (disabled.isEmpty() ? "" : ", disabled " + disabled);
    }

    /**
     * Parses a duration setting.
     *
     * @param text such as {@code 1ms}, {@code 500us}, {@code 2s}, {@code 10ns} or an ISO-8601
     *     duration; a bare number means milliseconds
     * @return the duration in nanoseconds
     * @throws IllegalArgumentException when the text is none of these or negative
     */
    public static long parseNanos(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
            return switch (unit) {
                case "ns" -> amount;
                case "us", "µs" -> Math.multiplyExact(amount, 1_000L);
                case "ms" -> Math.multiplyExact(amount, 1_000_000L);
                default -> Math.multiplyExact(amount, 1_000_000_000L);
            };
        }
        try {
            Duration duration = Duration.parse(text.trim());
            if (!duration.isNegative()) {
                return duration.toNanos();
            }
        } catch (RuntimeException e) {
            // Reported below with the accepted forms.
        }
        throw new IllegalArgumentException("The duration '" + text + "' is not valid; write a "
                + "non-negative amount with a unit, such as 1ms, 500us, 2s or PT0.001S.");
    }

    static String envName(String name) {
        return "BINDERY_AGENT_" + name.toUpperCase(Locale.ROOT).replace('-', '_')
                .replace('.', '_');
    }

    private static long threshold(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_IO_THRESHOLD.toNanos();
        }
        try {
            return parseNanos(text);
        } catch (IllegalArgumentException e) {
            AgentLog.warning("Ignoring " + PREFIX + "io-threshold: " + e.getMessage()
                    + " Using the default of 1ms.");
            return DEFAULT_IO_THRESHOLD.toNanos();
        }
    }

    private static boolean enabled(String group, String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (text.trim().equalsIgnoreCase("false")) {
            return false;
        }
        AgentLog.warning("Ignoring " + PREFIX + "instrument." + group + "='" + text
                + "'; write true or false. The group stays on.");
        return true;
    }

    private static String formatNanos(long nanos) {
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos % 1_000 == 0 ? nanos / 1_000 + "us" : nanos + "ns";
    }
}
