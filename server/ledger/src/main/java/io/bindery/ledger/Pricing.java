package io.bindery.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prices usage like a serverless duration plan: a price per million requests plus a price per
 * GB-second of billed duration at a fixed memory size.
 *
 * <p>Defaults ({@link #defaults()}): 0.30 per million requests (Cloudflare Workers Standard),
 * 0.0000125 per GB-second (Workers Unbound's 12.50 per million GB-s) at 128 MB (Workers'
 * fixed memory), in USD. Immutable.
 *
 * @param perMillionRequests the price of one million requests, not negative
 * @param perGbSecond the price of one GB-second, not negative
 * @param memoryMb the memory billed per request, in MiB (1024 MiB = 1 GB-second per second)
 * @param currency the currency code, such as {@code USD}
 */
public record Pricing(BigDecimal perMillionRequests, BigDecimal perGbSecond, int memoryMb,
        String currency) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

    /** Checks the figures. */
    public Pricing {
        if (perMillionRequests.signum() < 0 || perGbSecond.signum() < 0 || memoryMb <= 0) {
            throw new IllegalArgumentException("Prices must not be negative and memoryMb must "
                    + "be positive, but got " + perMillionRequests + ", " + perGbSecond
                    + ", " + memoryMb + "; fix the 'pricing:' section.");
        }
    }

    /**
     * Returns the default price list.
     *
     * @return 0.30 per million requests, 0.0000125 per GB-second, 128 MB, USD
     */
    public static Pricing defaults() {
        return new Pricing(new BigDecimal("0.30"), new BigDecimal("0.0000125"), 128, "USD");
    }

    /**
     * Computes the cost of some usage.
     *
     * @param requests the number of requests
     * @param billedNanos the billed duration in nanoseconds
     * @return the cost, rounded to 10 decimals
     */
    public BigDecimal cost(long requests, long billedNanos) {
        BigDecimal requestCost = BigDecimal.valueOf(requests).multiply(perMillionRequests)
                .divide(MILLION, MathContext.DECIMAL128);
        BigDecimal gbSeconds = BigDecimal.valueOf(billedNanos)
                .multiply(BigDecimal.valueOf(memoryMb))
                .divide(NANOS_PER_SECOND.multiply(MB_PER_GB), MathContext.DECIMAL128);
        return requestCost.add(gbSeconds.multiply(perGbSecond))
                .setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
