package io.bindery.server.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Holds one immutable snapshot of everything deployed: the workers with their versions, the
 * routes and the per-worker limits. A request captures the snapshot that is current when it
 * starts and every invocation of it, entry, bound or background, runs on that snapshot.
 *
 * <p>A snapshot counts its holders: the runtime holds the current one, and each request and
 * background task holds the one it runs on. When a retired snapshot's last holder lets go,
 * {@code onDrained} runs once and no one can hold it again. The snapshot also owns what typed
 * bindings cache about the classes in it (method pairings and the Jackson mapper that copies
 * values), so that those caches go with it. Thread-safe.
 */
final class Deployment {

    private final Map<String, DeployedWorker> workers;
    private final Routes routes;
    private final Map<String, RequestLimits> limits;
    private final RequestLimits unrouted;
    private final AtomicInteger holders = new AtomicInteger(1);
    private final Map<Pairing, RpcMethod> pairings = new ConcurrentHashMap<>();
    private volatile ObjectMapper rpcMapper;
    private volatile Runnable onDrained;

    Deployment(Map<String, DeployedWorker> workers, RequestLimits unrouted) {
        this.workers = Collections.unmodifiableMap(new LinkedHashMap<>(workers));
        this.unrouted = unrouted;
        var table = new LinkedHashMap<String, String>();
        var limitTable = new HashMap<String, RequestLimits>();
        workers.values().forEach(worker -> {
            worker.spec().routes().forEach(route -> table.put(route, worker.name()));
            limitTable.put(worker.name(), RequestLimits.forEntry(unrouted.global(),
                    worker.spec()));
        });
        this.routes = new Routes(table);
        this.limits = Map.copyOf(limitTable);
    }

    /** @return worker name to deployed version, in configuration order */
    Map<String, DeployedWorker> workers() {
        return workers;
    }

    /** @return the routes of this snapshot */
    Routes routes() {
        return routes;
    }

    /** @return the limits of requests to an entry worker */
    RequestLimits limits(String worker) {
        return limits.get(worker);
    }

    /** @return the limits of requests no worker is routed to */
    RequestLimits unrouted() {
        return unrouted;
    }

    /** @return a copy with one worker added or replaced, keeping the order */
    Deployment with(DeployedWorker worker) {
        var changed = new LinkedHashMap<>(workers);
        changed.put(worker.name(), worker);
        return new Deployment(changed, unrouted);
    }

    DeployedWorker worker(String name) {
        DeployedWorker worker = workers.get(name);
        if (worker == null) {
            throw new IllegalArgumentException("No worker named '" + name + "' is deployed; "
                    + "deployed workers are " + workers.keySet() + ".");
        }
        return worker;
    }

    /**
     * Returns the pairing of a caller's method with the target version of this snapshot.
     *
     * @param binding the stub the call goes through
     * @param method the caller's interface method
     * @param pair creates the pairing when this snapshot has none yet
     * @return the pairing
     */
    RpcMethod pairing(ServiceBindingStub binding, Method method, Supplier<RpcMethod> pair) {
        var key = new Pairing(binding, method);
        RpcMethod known = pairings.get(key);
        return known != null ? known : pairings.computeIfAbsent(key, k -> pair.get());
    }

    /** @return the mapper that copies typed-call values between the classes of this snapshot */
    ObjectMapper rpcMapper() {
        ObjectMapper mapper = rpcMapper;
        if (mapper == null) {
            synchronized (this) {
                mapper = rpcMapper;
                if (mapper == null) {
                    mapper = newMapper();
                    rpcMapper = mapper;
                }
            }
        }
        return mapper;
    }

    /**
     * Takes a hold on this snapshot unless it has drained.
     *
     * @return {@code true} when the caller now holds it and must {@link #release()} it
     */
    boolean tryAcquire() {
        int current;
        do {
            current = holders.get();
            if (current <= 0) {
                return false;
            }
        } while (!holders.compareAndSet(current, current + 1));
        return true;
    }

    /** Lets go of a hold; the last one of a retired snapshot runs its drain action. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            Runnable action = onDrained;
            if (action != null) {
                action.run();
            }
        }
    }

    /**
     * Marks the snapshot as replaced: drops the runtime's hold, so that it drains when its
     * requests and background tasks end.
     *
     * @param drained what to run once, when the last holder lets go
     */
    void retire(Runnable drained) {
        this.onDrained = drained;
        release();
    }

    /** @return how many requests and background tasks hold this snapshot now */
    int holders() {
        return Math.max(0, holders.get());
    }

    private static ObjectMapper newMapper() {
        var mapper = new ObjectMapper()
                .registerModules(ObjectMapper.findModules(Deployment.class.getClassLoader()));
        mapper.setTypeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 256)));
        return mapper;
    }

    /** A caller's method through one binding stub. */
    private record Pairing(ServiceBindingStub binding, Method method) {
    }
}
