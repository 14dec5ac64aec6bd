package io.bindery.server.http;

import io.bindery.server.config.WorkerSpec;
import io.bindery.server.deploy.WorkerVersion;
import io.bindery.server.runtime.WorkerRuntime;
import io.bindery.telemetry.AgentStatus;
import io.bindery.worker.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders {@code /api/status}: the workers as they serve now (each with its active version;
 * {@code null} for one added by a deploy while the report was written), routes and bindings,
 * uptime, background tasks, the agent's state and the JVM's figures (process id, heap,
 * platform threads), which operators and the soak suite compare over time. Thread-safe.
 */
final class StatusReport {

    private final WorkerRuntime runtime;
    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();

    StatusReport(WorkerRuntime runtime) {
        this.runtime = runtime;
    }

    String json() {
        var body = new LinkedHashMap<String, Object>();
        Duration uptime = Duration.ofNanos(System.nanoTime() - startedNanos);
        body.put("status", "UP");
        body.put("startedAt", started.toString());
        body.put("uptime", uptime.toString());
        body.put("uptimeSeconds", uptime.toMillis() / 1000.0);
        body.put("workers", workers());
        body.put("routes", new TreeMap<>(runtime.routes()));
        body.put("backgroundTasks", Map.of("active", runtime.backgroundTasks().active(),
                "started", runtime.backgroundTasks().started()));
        body.put("agent", agent());
        body.put("jvm", jvm());
        return Json.write(body);
    }

    /** Describes the versions that serve now, deployed ones included. */
    private List<Map<String, Object>> workers() {
        var workers = new ArrayList<Map<String, Object>>();
        var versions = new HashMap<String, WorkerVersion>();
        runtime.active().forEach(version -> versions.put(version.worker(), version));
        for (WorkerSpec spec : runtime.activeEntries().values()) {
            WorkerVersion version = versions.get(spec.name());
            var worker = new LinkedHashMap<String, Object>();
            worker.put("name", spec.name());
            worker.put("version", version == null ? null : version.version());
            worker.put("label", version == null ? null : version.label());
            worker.put("class", spec.className());
            worker.put("jar", spec.jar() == null ? null : spec.jar().toString());
            worker.put("account", spec.account());
            worker.put("routes", spec.routes());
            worker.put("bindings", new TreeMap<>(spec.bindings()));
            worker.put("vars", new TreeMap<>(spec.vars()));
            worker.put("secrets", new TreeSet<>(spec.secrets().keySet()));
            worker.put("kv", new TreeMap<>(spec.kv()));
            workers.add(worker);
        }
        return workers;
    }

    /**
     * Returns the JVM's figures: heap in bytes (used now, not after a GC), and the live,
     * daemon and peak counts of platform threads (virtual threads are not counted).
     */
    private static Map<String, Object> jvm() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var jvm = new LinkedHashMap<String, Object>();
        jvm.put("pid", ProcessHandle.current().pid());
        jvm.put("heapUsedBytes", heap.getUsed());
        jvm.put("heapCommittedBytes", heap.getCommitted());
        jvm.put("heapMaxBytes", heap.getMax());
        jvm.put("liveThreads", threads.getThreadCount());
        jvm.put("daemonThreads", threads.getDaemonThreadCount());
        jvm.put("peakThreads", threads.getPeakThreadCount());
        return jvm;
    }

    private static Map<String, Object> agent() {
        var agent = new LinkedHashMap<String, Object>();
        boolean attached = AgentStatus.attached();
        agent.put("attached", attached);
        agent.put("status", attached ? "attached" : "not attached");
        agent.put("version", attached ? AgentStatus.version() : null);
        agent.put("settings", attached ? new TreeMap<>(AgentStatus.settings()) : Map.of());
        return agent;
    }
}
