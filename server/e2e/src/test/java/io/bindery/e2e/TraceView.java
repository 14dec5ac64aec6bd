package io.bindery.e2e;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Navigates the spans of one trace: its local root, children, and spans by name or role.
 *
 * @param spans the trace's spans, in export order
 */
public record TraceView(List<SpanRecord> spans) {

    /** @return the number of spans */
    public int size() {
        return spans.size();
    }

    /** @return the request span, if exported */
    public Optional<SpanRecord> request() {
        return spans.stream().filter(s -> "request".equals(s.role())).findFirst();
    }

    /**
     * Returns the one span with a name.
     *
     * @param name the span name
     * @return the span
     * @throws AssertionError when there is none or more than one
     */
    public SpanRecord one(String name) {
        List<SpanRecord> named = named(name);
        if (named.size() != 1) {
            throw new AssertionError("Expected one span named '" + name + "' but found "
                    + named.size() + " in:\n" + this);
        }
        return named.getFirst();
    }

    /**
     * Returns the spans with a name.
     *
     * @param name the span name
     * @return the spans
     */
    public List<SpanRecord> named(String name) {
        return spans.stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * Returns the spans with a role.
     *
     * @param role the {@code bindery.span} value
     * @return the spans
     */
    public List<SpanRecord> withRole(String role) {
        return spans.stream().filter(s -> role.equals(s.role())).toList();
    }

    /**
     * Returns the children of a span.
     *
     * @param parent the parent
     * @return spans whose parent it is
     */
    public List<SpanRecord> children(SpanRecord parent) {
        return spans.stream().filter(s -> parent.spanId().equals(s.parentSpanId())).toList();
    }

    /**
     * Returns the parent of a span within this trace.
     *
     * @param child the span
     * @return its parent, or empty for the local root
     */
    public Optional<SpanRecord> parent(SpanRecord child) {
        return spans.stream().filter(s -> Objects.equals(s.spanId(), child.parentSpanId()))
                .findFirst();
    }

    /**
     * Tells whether a span has a name.
     *
     * @param name the span name
     * @return whether at least one span has it
     */
    public boolean has(String name) {
        return spans.stream().anyMatch(s -> s.name().equals(name));
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        spans.forEach(span -> text.append("  ").append(span).append('\n'));
        return text.toString();
    }
}
