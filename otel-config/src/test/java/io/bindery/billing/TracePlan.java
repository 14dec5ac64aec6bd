package io.bindery.billing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Plans a random request trace on a small integer timeline and computes, by brute force, what
 * its bill must be. {@link #start} then creates the spans through a real tracer.
 */
final class TracePlan {

    static final long BASE = 1_700_000_000_000_000_000L;
    static final String[] WORKERS = {"api-gateway", "auth", "get-user", "login", "logout"};

    final List<Planned> spans = new ArrayList<>();
    final boolean remoteParent;
    private final Random random;

    /** One span to create: parent index (-1 for the root), kind, worker, start, end. */
    record Planned(int parent, String kind, String worker, long start, long end,
            boolean error) {
    }

    private TracePlan(Random random) {
        this.random = random;
        this.remoteParent = random.nextInt(4) == 0;
    }

    static TracePlan random(Random random) {
        var plan = new TracePlan(random);
        long end = 5 + random.nextInt(120);
        plan.spans.add(new Planned(-1, "request", WORKERS[0], 0, end, false));
        long from = random.nextInt(3);
        long to = Math.max(from + 1, end - random.nextInt(3));
        plan.worker(0, WORKERS[0], from, to, 0);
        return plan;
    }

    private void worker(int parent, String name, long from, long to, int depth) {
        int me = add(parent, "worker", name, from, to);
        int children = random.nextInt(depth > 2 ? 2 : 5);
        for (int i = 0; i < children; i++) {
            child(me, name, from, to, depth);
        }
    }

    private void child(int parent, String worker, long from, long to, int depth) {
        long start = from + random.nextInt((int) (to - from) + 1);
        long end = start + random.nextInt((int) (to - start) + 1);
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                var target = WORKERS[1 + random.nextInt(WORKERS.length - 1)];
                int binding = add(parent, "binding", worker, start, end);
                worker(binding, target, start, end, depth + 1);
            }
            case 2 -> worker(parent, worker, start, end, depth + 1);
            case 3 -> {
                long late = start + random.nextInt(200);
                int background = add(parent, "background", worker, start, late);
                if (random.nextBoolean()) {
                    add(background, "io", null, start, start + random.nextInt(40));
                }
            }
            case 4 -> add(parent, "http", null, start, end);
            case 5 -> add(parent, "io", null, start, end);
            default -> add(parent, null, null, start, end);
        }
    }

    private int add(int parent, String kind, String worker, long start, long end) {
        spans.add(new Planned(parent, kind, worker, start, end, random.nextInt(10) == 0));
        return spans.size() - 1;
    }

    /** Starts every span in plan order (parents first); none is ended. */
    List<Span> start(Tracer tracer) {
        var started = new ArrayList<Span>(spans.size());
        for (var planned : spans) {
            var parent = planned.parent < 0 ? rootContext()
                    : Context.root().with(started.get(planned.parent));
            var builder = tracer.spanBuilder(name(planned)).setParent(parent)
                    .setStartTimestamp(BASE + planned.start, TimeUnit.NANOSECONDS);
            if (planned.kind != null) {
                builder.setAttribute("bindery.span", planned.kind);
            }
            if (planned.worker != null) {
                builder.setAttribute("bindery.worker", planned.worker);
            }
            if ("request".equals(planned.kind)) {
                request(builder);
            }
            started.add(builder.startSpan());
        }
        return started;
    }

    /** Ends one span at its planned time. */
    void end(List<Span> started, int index) {
        var planned = spans.get(index);
        var span = started.get(index);
        if (planned.error) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end(BASE + planned.end, TimeUnit.NANOSECONDS);
    }

    private void request(io.opentelemetry.api.trace.SpanBuilder builder) {
        builder.setAttribute("bindery.account", "demo")
                .setAttribute("http.request.method", "GET")
                .setAttribute("http.route", "/getuser")
                .setAttribute("url.path", "/getuser")
                .setAttribute(AttributeKey.longKey("http.response.status_code"), 200L);
    }

    private Context rootContext() {
        if (!remoteParent) {
            return Context.root();
        }
        var remote = SpanContext.createFromRemoteParent(hex(32), hex(16),
                TraceFlags.getSampled(), TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }

    private String hex(int digits) {
        var out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append(Character.forDigit(i == 0 ? 1 + random.nextInt(15) : random.nextInt(16),
                    16));
        }
        return out.toString();
    }

    private static String name(Planned planned) {
        return planned.kind == null ? "custom" : planned.kind + " " + planned.worker;
    }

    long flattened() {
        return marked(true);
    }

    long awaitingExternal() {
        return marked(false);
    }

    /** Marks every unit cell of the timeline that a busy (or external) span covers. */
    private long marked(boolean busy) {
        var cells = new boolean[400];
        for (var planned : spans) {
            if (busy ? isBusy(planned) : isExternal(planned)) {
                for (long t = planned.start; t < planned.end; t++) {
                    cells[(int) t] = true;
                }
            }
        }
        long count = 0;
        for (boolean cell : cells) {
            count += cell ? 1 : 0;
        }
        return count;
    }

    long classic() {
        return spans.stream().filter(TracePlan::isBusy).mapToLong(p -> p.end - p.start).sum();
    }

    Map<String, WorkerUsage> workers() {
        var usage = new LinkedHashMap<String, WorkerUsage>();
        for (var planned : spans) {
            if (isBusy(planned)) {
                int calls = "worker".equals(planned.kind) ? 1 : 0;
                usage.merge(planned.worker, new WorkerUsage(calls, planned.end - planned.start),
                        (a, b) -> new WorkerUsage(a.invocations() + b.invocations(),
                                a.busyNanos() + b.busyNanos()));
            }
        }
        return usage;
    }

    int count(String kind) {
        return (int) spans.stream().filter(p -> kind.equals(p.kind)).count();
    }

    private static boolean isBusy(Planned planned) {
        return "worker".equals(planned.kind) || "background".equals(planned.kind);
    }

    private static boolean isExternal(Planned planned) {
        return "io".equals(planned.kind) || "http".equals(planned.kind);
    }
}
