package io.bindery.server.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes in bytes written as a whole number with an optional unit: {@code 1048576},
 * {@code 512B}, {@code 128KiB}, {@code 10MiB}, {@code 1GiB} (powers of 1024) or {@code 16KB},
 * {@code 10MB}, {@code 1GB} (powers of 1000). Units ignore case.
 */
final class Sizes {

    private static final Pattern SIZE =
            Pattern.compile("(\\d{1,15})\\s*(b|kib|mib|gib|kb|mb|gb)?");

    /** The accepted forms, for error messages. */
    static final String FORMS = "a whole number of bytes, or one with a unit such as 512B, "
            + "128KiB, 10MiB, 1GiB, 16KB or 10MB";

    private Sizes() {
    }

    /**
     * Parses a size.
     *
     * @param text the text
     * @return the size in bytes, or empty when the text has no accepted form
     */
    static Optional<Long> parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = unit(matcher.group(2) == null ? "b" : matcher.group(2));
        try {
            return Optional.of(Math.multiplyExact(amount, unit));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static long unit(String unit) {
        return switch (unit) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1L;
        };
    }
}
