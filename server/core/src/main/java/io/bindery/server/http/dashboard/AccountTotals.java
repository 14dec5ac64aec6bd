package io.bindery.server.http.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.RecentRecords;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the billing records of the recent window per account, for {@code /api/accounts}.
 *
 * <p>The answer is {@code {"records": n, "capacity": c, "accounts": [...]}}, accounts sorted
 * by name, each with {@code requests}, {@code incomplete} and the flattened, classic and
 * savings durations as milliseconds ({@code ...Ms}) and exact nanoseconds ({@code ...Nanos}),
 * the shapes of {@code /api/requests}. Records without an account (unrouted requests) count
 * under {@code "account": null}. Thread-safe.
 */
final class AccountTotals {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final String UNROUTED = "";

    private AccountTotals() {
    }

    static String json(RecentRecords recent) {
        List<BillingRecord> records = recent.latest(recent.capacity());
        var root = MAPPER.createObjectNode();
        root.put("records", records.size());
        root.put("capacity", recent.capacity());
        var accounts = root.putArray("accounts");
        total(records).forEach((account, sum) -> accounts.add(sum.json(account)));
        return write(root);
    }

    static Map<String, Sum> total(List<BillingRecord> records) {
        var sums = new TreeMap<String, Sum>();
        for (BillingRecord record : records) {
            String account = record.account() == null ? UNROUTED : record.account();
            sums.computeIfAbsent(account, key -> new Sum()).add(record);
        }
        return sums;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the account totals: "
                    + e.getMessage(), e);
        }
    }

    /** Running totals of one account; confined to the thread that computes them. */
    static final class Sum {

        private int requests;
        private int incomplete;
        private long flattenedNanos;
        private long classicNanos;

        void add(BillingRecord record) {
            requests++;
            incomplete += record.complete() ? 0 : 1;
            flattenedNanos += record.flattenedNanos();
            classicNanos += record.classicNanos();
        }

        int requests() {
            return requests;
        }

        long flattenedNanos() {
            return flattenedNanos;
        }

        long classicNanos() {
            return classicNanos;
        }

        ObjectNode json(String account) {
            var node = MAPPER.createObjectNode();
            node.put("account", account.equals(UNROUTED) ? null : account);
            node.put("requests", requests);
            node.put("incomplete", incomplete);
            duration(node, "flattened", flattenedNanos);
            duration(node, "classic", classicNanos);
            duration(node, "savings", classicNanos - flattenedNanos);
            return node;
        }

        private static void duration(ObjectNode node, String name, long nanos) {
            node.put(name + "Ms", BigDecimal.valueOf(nanos, 6).stripTrailingZeros());
            node.put(name + "Nanos", nanos);
        }
    }
}
