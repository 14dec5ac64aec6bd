package io.bindery.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as a number and a unit ({@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}, {@code 1d}) or in ISO-8601 ({@code PT30S}).
 */
final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** The accepted forms, for error messages. */
    static final String FORMS = "a number with a unit such as 500ms, 30s, 2m, 1h or 1d";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text the text
     * @return the duration, or empty when the text has neither form
     */
    static Optional<Duration> parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(trimmed);
        if (simple.matches()) {
            return amount(simple.group(1), simple.group(2));
        }
        try {
            return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> amount(String digits, String unit) {
        try {
            long value = Long.parseLong(digits);
            return Optional.of(switch (unit) {
                case "ms" -> Duration.ofMillis(value);
                case "s" -> Duration.ofSeconds(value);
                case "m" -> Duration.ofMinutes(value);
                case "h" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            });
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
