package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.server.config.ConfigException;
import io.bindery.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerRuntimeTest {

    private final WorkerLoader loader = WorkerLoader.create();

    @AfterEach
    void close() throws IOException {
        loader.close();
    }

    @Test
    void workerWhoseConstructorThrowsIsAConfigurationErrorNamingItsEntry() {
        var config = ConfigLoader.create(loader, name -> null, name -> null).load("r.yaml", """
                workers:
                  - { name: ok, class: io.bindery.server.testworkers.Echo }
                  - name: broken
                    class: io.bindery.server.testworkers.FailingConstructor
                """, Path.of(""));

        assertThatThrownBy(() -> WorkerRuntime.create(config, loader))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.path()).isEqualTo("workers[1].class");
                        assertThat(error.line()).isEqualTo(3);
                        assertThat(error.problem()).contains("no database configured");
                        assertThat(error.fix()).contains("make the constructor succeed");
                    });
                });
    }

    @Test
    void loaderRejectsClassesThatCannotBeWorkersWithTheFix() {
        assertThatThrownBy(() -> loader.load("java.lang.Runnable", null))
                .isInstanceOfSatisfying(WorkerLoadException.class, e ->
                        assertThat(e.fix()).contains("implement Worker"));
        assertThatThrownBy(() -> loader.load(AbstractWorker.class.getName(), null))
                .isInstanceOfSatisfying(WorkerLoadException.class, e ->
                        assertThat(e.problem()).contains("not a public concrete class"));
        assertThatThrownBy(() -> loader.load(NoDefaultConstructor.class.getName(), null))
                .isInstanceOfSatisfying(WorkerLoadException.class, e ->
                        assertThat(e.problem()).contains("no public no-argument constructor"));
    }

    /** Abstract, so it cannot be created. */
    public abstract static class AbstractWorker implements io.bindery.worker.Worker {
    }

    /** Needs an argument, so the platform cannot create it. */
    public static final class NoDefaultConstructor implements io.bindery.worker.Worker {

        /**
         * Takes an argument the platform does not have.
         *
         * @param name anything
         */
        public NoDefaultConstructor(String name) {
        }

        @Override
        public io.bindery.worker.Response fetch(io.bindery.worker.Request request,
                io.bindery.worker.Env env, io.bindery.worker.ExecutionContext ctx) {
            return io.bindery.worker.Response.status(204);
        }
    }
}
