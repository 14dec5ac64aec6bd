package io.bindery.server.runtime;

import io.bindery.worker.Env;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.ServiceBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Implements {@link Env} for one worker: its bindings, variables, secrets and namespaces, as
 * its configuration declares them. Immutable and thread-safe.
 */
final class WorkerEnv implements Env {

    private final String worker;
    private final Map<String, ServiceBinding> bindings;
    private final Map<String, String> vars;
    private final Map<String, String> secrets;
    private final Map<String, KvNamespace> kv;

    WorkerEnv(String worker, Map<String, ServiceBinding> bindings, Map<String, String> vars,
            Map<String, String> secrets, Map<String, KvNamespace> kv) {
        this.worker = worker;
        this.bindings = Map.copyOf(bindings);
        this.vars = Map.copyOf(vars);
        this.secrets = Map.copyOf(secrets);
        this.kv = Map.copyOf(kv);
    }

    @Override
    public String workerName() {
        return worker;
    }

    @Override
    public ServiceBinding binding(String name) {
        ServiceBinding binding = bindings.get(name);
        if (binding == null) {
            throw missing("binding", name, bindings.keySet(), "bindings");
        }
        return binding;
    }

    @Override
    public Set<String> bindingNames() {
        return bindings.keySet();
    }

    @Override
    public <T> T service(String binding, Class<T> type) {
        if (binding(binding) instanceof ServiceBindingStub stub) {
            return stub.service(type);
        }
        throw new IllegalArgumentException("The binding '" + binding + "' of worker '"
                + worker + "' serves no typed calls.");
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    @Override
    public String secret(String name) {
        String value = secrets.get(name);
        if (value == null) {
            throw missing("secret", name, secrets.keySet(), "secrets");
        }
        return value;
    }

    @Override
    public KvNamespace kv(String name) {
        KvNamespace namespace = kv.get(name);
        if (namespace == null) {
            throw missing("KV namespace", name, kv.keySet(), "kv");
        }
        return namespace;
    }

    /** @return the stubs of this worker's service bindings */
    List<ServiceBindingStub> stubs() {
        return bindings.values().stream().filter(ServiceBindingStub.class::isInstance)
                .map(ServiceBindingStub.class::cast).toList();
    }

    @Override
    public String toString() {
        return "Env[" + worker + ", bindings=" + new TreeSet<>(bindings.keySet()) + ", vars="
                + new TreeSet<>(vars.keySet()) + ", secrets=" + secrets.size() + ", kv="
                + new TreeSet<>(kv.keySet()) + "]";
    }

    private IllegalArgumentException missing(String what, String name, Set<String> known,
            String section) {
        String have = known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
        return new IllegalArgumentException("Worker '" + worker + "' has no " + what + " named '"
                + name + "'; its " + section + " are: " + have + ". Declare it under '"
                + section + ":' of worker '" + worker + "' in the configuration.");
    }
}
