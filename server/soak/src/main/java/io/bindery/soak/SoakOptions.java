package io.bindery.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to run: the load time per scenario, the connections of the steady load, and which
 * scenarios.
 *
 * @param duration how long each scenario's load runs; 60 s by default
 * @param connections the concurrent connections of the steady load; 256 by default (the
 *     overload scenario uses four times as many)
 * @param scenarios the scenarios to run, in their order
 */
record SoakOptions(Duration duration, int connections, Set<Scenario> scenarios) {

    /** The default load time per scenario. */
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    /** The default connections of the steady load. */
    static final int DEFAULT_CONNECTIONS = 256;

    /**
     * Reads {@code --seconds N}, {@code --connections N} and {@code --scenario NAME}
     * (repeatable).
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the bad argument and the fix
     */
    static SoakOptions parse(String... args) {
        Duration duration = DEFAULT_DURATION;
        int connections = DEFAULT_CONNECTIONS;
        List<Scenario> chosen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seconds" -> duration = Duration.ofSeconds(positive(args[i], value));
                case "--connections" -> connections = positive(args[i], value);
                case "--scenario" -> chosen.add(Scenario.named(required(args[i], value)));
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'; use --seconds N, --connections N, --scenario NAME.");
            }
            i++;
        }
        Set<Scenario> scenarios = chosen.isEmpty() ? EnumSet.allOf(Scenario.class)
                : EnumSet.copyOf(chosen);
        return new SoakOptions(duration, connections, scenarios);
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value, such as " + name
                    + (name.equals("--scenario") ? " overload" : " 10") + ".");
        }
        return value;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(required(name, value));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below with the fix.
        }
        throw new IllegalArgumentException(name + " '" + value + "' is not a positive whole "
                + "number; write it like " + name + " 10.");
    }
}
