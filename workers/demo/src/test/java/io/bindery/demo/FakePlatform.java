package io.bindery.demo;

import io.bindery.worker.BackgroundTask;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.KvNamespace;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.ServiceBinding;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Stands in for the platform in the demo's unit tests: env, bindings, KV and fetch. */
final class FakePlatform {

    final Map<String, String> sessions = new HashMap<>();
    final Map<String, Duration> timesToLive = new HashMap<>();
    final Map<String, io.bindery.worker.Worker> workers = new HashMap<>();
    final Map<String, String> vars = new HashMap<>();
    Function<Request, Response> outbound = request -> {
        throw new IllegalStateException("no outbound fetch expected");
    };

    Response call(io.bindery.worker.Worker worker, String name, Request request) {
        try {
            return worker.fetch(request, env(name), context());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Env env(String name) {
        return new Env() {
            @Override
            public String workerName() {
                return name;
            }

            @Override
            public ServiceBinding binding(String binding) {
                return new ServiceBinding() {
                    @Override
                    public Response fetch(Request request) {
                        return call(workers.get(binding), binding, request);
                    }

                    @Override
                    public String name() {
                        return binding;
                    }

                    @Override
                    public String target() {
                        return binding;
                    }
                };
            }

            @Override
            public <T> T service(String binding, Class<T> type) {
                io.bindery.worker.Worker worker = workers.get(binding);
                worker.start(env(binding));
                return type.cast(worker);
            }

            @Override
            public Set<String> bindingNames() {
                return workers.keySet();
            }

            @Override
            public Optional<String> variable(String variable) {
                return Optional.ofNullable(vars.get(variable));
            }

            @Override
            public String secret(String secret) {
                throw new IllegalArgumentException(secret);
            }

            @Override
            public KvNamespace kv(String namespace) {
                return sessionStore();
            }
        };
    }

    private KvNamespace sessionStore() {
        return new KvNamespace() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(sessions.get(key));
            }

            @Override
            public void put(String key, String value) {
                sessions.put(key, value);
            }

            @Override
            public void put(String key, String value, Duration timeToLive) {
                sessions.put(key, value);
                timesToLive.put(key, timeToLive);
            }

            @Override
            public boolean delete(String key) {
                return sessions.remove(key) != null;
            }
        };
    }

    private ExecutionContext context() {
        return new ExecutionContext() {
            @Override
            public void waitUntil(BackgroundTask task) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Response fetch(Request request) throws IOException {
                try {
                    return outbound.apply(request);
                } catch (UncheckedFetchFailure e) {
                    throw e.getCause();
                }
            }

            @Override
            public String requestId() {
                return "0".repeat(31) + "1";
            }
        };
    }

    /** Lets a fake outbound function throw an IOException. */
    static final class UncheckedFetchFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UncheckedFetchFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
