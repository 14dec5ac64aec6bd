package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.worker.Env;
import io.bindery.worker.ServiceBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerEnvTest {

    private final ServiceBinding auth = new ServiceBindingStub("auth", "gateway", "auth-worker",
            null);
    private final Env env = new WorkerEnv("gateway", Map.of("auth", auth, "users", auth),
            Map.of("COLOUR", "blue"), Map.of("KEY", "s3cret"),
            Map.of("SESSIONS", new MemoryKvNamespace("sessions", new TestClock(), 10)));

    @Test
    void declaredCapabilitiesAreHandedOut() {
        assertThat(env.workerName()).isEqualTo("gateway");
        assertThat(env.binding("auth")).isSameAs(auth);
        assertThat(env.bindingNames()).containsExactlyInAnyOrder("auth", "users");
        assertThat(env.variable("COLOUR")).contains("blue");
        assertThat(env.variable("SHAPE")).isEmpty();
        assertThat(env.secret("KEY")).isEqualTo("s3cret");
        assertThat(env.kv("SESSIONS")).isNotNull();
    }

    @Test
    void undeclaredBindingNamesTheWorkerTheBindingAndTheBindingsItHas() {
        assertThatThrownBy(() -> env.binding("billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Worker 'gateway'")
                .hasMessageContaining("binding named 'billing'")
                .hasMessageContaining("auth, users")
                .hasMessageContaining("bindings:");
    }

    @Test
    void undeclaredSecretAndNamespaceAreRejectedTheSameWay() {
        assertThatThrownBy(() -> env.secret("OTHER"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret named 'OTHER'").hasMessageContaining("KEY");
        assertThatThrownBy(() -> env.kv("CACHE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'CACHE'").hasMessageContaining("SESSIONS");
    }

    @Test
    void secretsAreNotShownByToString() {
        assertThat(env.toString()).doesNotContain("s3cret").contains("secrets=1");
    }

    @Test
    void bindingCalledOutsideAnyRequestExplainsWhereToCallIt() {
        assertThatThrownBy(() -> auth.fetch(io.bindery.worker.Request.get("http://h/")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("binding 'auth' of worker 'gateway'")
                .hasMessageContaining("ctx.waitUntil");
    }
}
