package io.bindery.billing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the admin API's JSON shapes for billing records.
 *
 * <p>Every duration appears twice: as milliseconds with a decimal fraction ({@code ...Ms}, exact,
 * six decimals at most) and as exact nanoseconds ({@code ...Nanos}). {@link #list} gives
 * {@code {"count": n, "records": [summary...]}}; {@link #detail} gives one summary plus its
 * {@code "timeline"}. Thread-safe.
 */
public final class BillingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private BillingJson() {
    }

    /**
     * Writes a list of record summaries, in the order given.
     *
     * @param records the records, newest first as {@link RecentRecords#latest} returns them
     * @return {@code {"count":n,"records":[...]}}
     */
    public static String list(List<BillingRecord> records) {
        var root = MAPPER.createObjectNode();
        root.put("count", records.size());
        var array = root.putArray("records");
        records.forEach(record -> array.add(summary(record)));
        return write(root);
    }

    /**
     * Writes one record with its timeline.
     *
     * @param record the record
     * @return the summary fields plus {@code "timeline"}, the spans ordered by start
     */
    public static String detail(BillingRecord record) {
        var root = summary(record);
        var timeline = root.putArray("timeline");
        for (var span : record.timeline()) {
            var node = timeline.addObject();
            node.put("spanId", span.spanId());
            node.put("parentSpanId", span.parentSpanId());
            node.put("name", span.name());
            node.put("worker", span.worker());
            node.put("kind", span.kind());
            duration(node, "startOffset", span.startOffsetNanos());
            duration(node, "duration", span.durationNanos());
            node.put("status", span.status());
        }
        return write(root);
    }

    private static ObjectNode summary(BillingRecord record) {
        var node = MAPPER.createObjectNode();
        node.put("traceId", record.traceId());
        node.put("account", record.account());
        node.put("entryWorker", record.entryWorker());
        node.put("route", record.route());
        node.put("path", record.path());
        node.put("method", record.method());
        node.put("status", record.status());
        node.put("errorType", record.errorType());
        node.put("start", record.start() == null ? null : record.start().toString());
        duration(node, "flattened", record.flattenedNanos());
        duration(node, "classic", record.classicNanos());
        duration(node, "savings", record.savingsNanos());
        duration(node, "awaitingExternal", record.awaitingExternalNanos());
        var workers = node.putObject("workers");
        record.workers().forEach((name, usage) -> {
            var worker = workers.putObject(name);
            worker.put("invocations", usage.invocations());
            duration(worker, "busy", usage.busyNanos());
            worker.put("version", usage.version());
        });
        node.put("bindingCalls", record.bindingCalls());
        node.put("subrequests", record.subrequests());
        node.put("spanCount", record.spanCount());
        node.put("complete", record.complete());
        node.put("incompleteReason", record.incompleteReason());
        return node;
    }

    private static void duration(ObjectNode node, String name, long nanos) {
        node.put(name + "Ms", BigDecimal.valueOf(nanos, 6).stripTrailingZeros());
        node.put(name + "Nanos", nanos);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write billing JSON: " + e.getMessage(), e);
        }
    }
}
