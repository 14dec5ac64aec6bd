package io.bindery.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bindery.ledger.Ledger;
import io.bindery.ledger.LedgerUnavailableException;
import io.bindery.ledger.Pricing;
import io.bindery.ledger.UsageBucket;
import io.bindery.ledger.UsageQuery;
import io.bindery.worker.Response;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers {@code GET /api/usage?account=&from=&to=&step=hour|day&format=json|csv} from the
 * ledger: per step, the requests, flattened and classic durations, savings and their cost
 * under the configured {@link Pricing}.
 *
 * <p>{@code from} and {@code to} are ISO-8601 UTC ({@code 2026-01-05T10:00:00Z} or
 * {@code 2026-01-05}); {@code to} defaults to now and {@code from} to 24 steps (hour) or 30
 * steps (day) before it, floored to the step. Only steps with requests are listed. The caller
 * is an admin (all accounts; {@code account} optional) or an account (its own only; another
 * account answers 403). JSON unless {@code format=csv} or {@code Accept: text/csv}. Bad
 * parameters answer 400 {@code {"error", "parameter", "message"}}. Thread-safe.
 */
final class UsageApi {

    private static final System.Logger LOGGER = System.getLogger(UsageApi.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final BigDecimal NANOS_PER_MS = BigDecimal.valueOf(1_000_000);
    private static final String CSV_HEADER = "start,end,requests,flattened_ms,classic_ms,"
            + "savings_ms,awaiting_external_ms,cost,classic_cost,savings_cost,currency\n";

    private final Ledger ledger;
    private final Pricing pricing;
    private final Clock clock;

    UsageApi(Ledger ledger, Pricing pricing, Clock clock) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.clock = clock;
    }

    /**
     * Answers one request.
     *
     * @param query parameter name to its first value
     * @param acceptsCsv whether {@code Accept} asks for CSV
     * @param caller the caller's account, or {@code null} for the admin
     * @return the response
     */
    Response answer(Function<String, Optional<String>> query, boolean acceptsCsv,
            String caller) {
        UsageParams params;
        try {
            params = UsageParams.parse(query, acceptsCsv, clock.instant());
        } catch (UsageParams.BadParameter e) {
            return badParameter(e);
        }
        if (caller != null && params.account() != null && !caller.equals(params.account())) {
            return Response.json(403, error("forbidden", null, "This token reads the usage "
                    + "of the account '" + caller + "' only; drop 'account' or use the "
                    + "admin token."));
        }
        String account = caller != null ? caller : params.account();
        return ledger == null ? unavailable("The ledger is not running in this server.")
                : query(params, account);
    }

    private Response query(UsageParams params, String account) {
        List<UsageBucket> buckets;
        try {
            buckets = ledger.usage(new UsageQuery(account, params.from(), params.to(),
                    params.step()));
        } catch (LedgerUnavailableException e) {
            LOGGER.log(Level.WARNING, "Usage query failed", e);
            return unavailable(e.getMessage());
        }
        return params.csv() ? csv(params, buckets) : Response.json(200,
                write(json(params, account, buckets)));
    }

    private ObjectNode json(UsageParams params, String account, List<UsageBucket> buckets) {
        var root = MAPPER.createObjectNode();
        root.put("account", account);
        root.put("from", params.from().toString());
        root.put("to", params.to().toString());
        root.put("step", params.stepName());
        var price = root.putObject("pricing");
        price.put("perMillionRequests", pricing.perMillionRequests());
        price.put("perGbSecond", pricing.perGbSecond());
        price.put("memoryMb", pricing.memoryMb());
        price.put("currency", pricing.currency());
        var array = root.putArray("buckets");
        UsageBucket total = new UsageBucket(params.from(), 0, 0, 0, 0);
        for (UsageBucket bucket : buckets) {
            var node = figures(array.addObject(), bucket);
            node.put("start", bucket.start().toString());
            node.put("end", bucket.start().plus(params.step()).toString());
            total = add(total, bucket);
        }
        figures(root.putObject("totals"), total);
        return root;
    }

    private ObjectNode figures(ObjectNode node, UsageBucket b) {
        node.put("requests", b.requests());
        node.put("flattenedMs", ms(b.flattenedNanos()));
        node.put("classicMs", ms(b.classicNanos()));
        node.put("savingsMs", ms(b.savingsNanos()));
        node.put("awaitingExternalMs", ms(b.awaitingNanos()));
        BigDecimal cost = pricing.cost(b.requests(), b.flattenedNanos());
        BigDecimal classic = pricing.cost(b.requests(), b.classicNanos());
        node.put("cost", cost);
        node.put("classicCost", classic);
        node.put("savingsCost", classic.subtract(cost));
        return node;
    }

    private Response csv(UsageParams params, List<UsageBucket> buckets) {
        var out = new StringBuilder(CSV_HEADER);
        for (UsageBucket b : buckets) {
            BigDecimal cost = pricing.cost(b.requests(), b.flattenedNanos());
            BigDecimal classic = pricing.cost(b.requests(), b.classicNanos());
            var cells = List.of(b.start().toString(), b.start().plus(params.step()).toString(),
                    Long.toString(b.requests()), ms(b.flattenedNanos()).toPlainString(),
                    ms(b.classicNanos()).toPlainString(), ms(b.savingsNanos()).toPlainString(),
                    ms(b.awaitingNanos()).toPlainString(), cost.toPlainString(),
                    classic.toPlainString(), classic.subtract(cost).toPlainString(),
                    pricing.currency());
            out.append(String.join(",", cells)).append('\n');
        }
        return Response.builder(200).header("Content-Type", "text/csv; charset=utf-8")
                .body(out.toString()).build();
    }

    private static UsageBucket add(UsageBucket a, UsageBucket b) {
        return new UsageBucket(a.start(), a.requests() + b.requests(),
                a.flattenedNanos() + b.flattenedNanos(), a.classicNanos() + b.classicNanos(),
                a.awaitingNanos() + b.awaitingNanos());
    }

    private static BigDecimal ms(long nanos) {
        return BigDecimal.valueOf(nanos).divide(NANOS_PER_MS).stripTrailingZeros();
    }

    private static Response badParameter(UsageParams.BadParameter e) {
        return Response.json(400, error("bad_request", e.parameter(), e.getMessage()));
    }

    private static Response unavailable(String message) {
        return Response.json(503, error("ledger_unavailable", null, message));
    }

    private static String error(String error, String parameter, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        body.put("message", message);
        return write(MAPPER.valueToTree(body));
    }

    private static String write(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the usage answer: " + e.getMessage(),
                    e);
        }
    }
}
