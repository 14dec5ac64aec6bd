package io.bindery.server.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses and checks the query of {@code GET /api/usage}.
 *
 * @param account the account asked for, or {@code null} for all
 * @param from the inclusive start, floored to the step
 * @param to the exclusive end
 * @param step one hour or one day
 * @param stepName {@code hour} or {@code day}
 * @param csv whether the answer is CSV
 */
record UsageParams(String account, Instant from, Instant to, Duration step, String stepName,
        boolean csv) {

    /** The most buckets one query may span. */
    static final long MAX_BUCKETS = 10_000;

    /** Signals a bad parameter, with its name and fix. */
    static final class BadParameter extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    /**
     * Parses a query.
     *
     * @param query parameter name to its first value, or empty
     * @param acceptsCsv whether the {@code Accept} header asks for {@code text/csv}
     * @param now the current instant, for the default range
     * @return the parameters
     * @throws BadParameter naming the first bad parameter
     */
    static UsageParams parse(Function<String, Optional<String>> query, boolean acceptsCsv,
            Instant now) {
        String stepName = query.apply("step").orElse("hour");
        Duration step = switch (stepName) {
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new BadParameter("step", "The step '" + stepName + "' is not "
                    + "known; use step=hour or step=day.");
        };
        Instant to = query.apply("to").map(text -> instant("to", text)).orElse(now);
        Instant from = query.apply("from").map(text -> instant("from", text))
                .orElse(to.minus(step.multipliedBy(stepName.equals("hour") ? 24 : 30)));
        from = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), step.toMillis())
                * step.toMillis());
        check(from, to, step);
        return new UsageParams(query.apply("account").filter(a -> !a.isBlank()).orElse(null),
                from, to, step, stepName, csv(query.apply("format"), acceptsCsv));
    }

    private static void check(Instant from, Instant to, Duration step) {
        if (!from.isBefore(to)) {
            throw new BadParameter("to", "The range from " + from + " to " + to + " is empty; "
                    + "'to' must be after 'from'.");
        }
        long buckets = Duration.between(from, to).dividedBy(step) + 1;
        if (buckets > MAX_BUCKETS) {
            throw new BadParameter("from", "The range spans " + buckets + " steps, more than "
                    + MAX_BUCKETS + "; narrow from/to or use step=day.");
        }
    }

    private static boolean csv(Optional<String> format, boolean acceptsCsv) {
        if (format.isEmpty()) {
            return acceptsCsv;
        }
        return switch (format.get()) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadParameter("format", "The format '" + format.get()
                    + "' is not known; use format=json or format=csv.");
        };
    }

    private static Instant instant(String name, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "The " + name + " '" + text + "' is not an ISO-8601 "
                    + "UTC time; write it as 2026-01-05T10:00:00Z or 2026-01-05.");
        }
    }
}
