package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bindery.server.TestServer;
import io.bindery.server.runtime.WorkerRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaces the target of a typed binding: callers go on calling it, or the deploy is refused. */
class TypedBindingDeployTest {

    private static final String LOADER = "bindery.test.rpc.loader";

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.getProperties().remove(LOADER);
    }

    @Test
    void versionThatDropsAnInterfaceItsCallersUseIsRefused() throws Exception {
        var rpc = new RpcJars(dir, LOADER);
        try (TestServer server = TestServer.start(dir, rpc.config())) {
            WorkerRuntime runtime = server.server().runtime();
            assertThat(server.get("/add").body()).isEqualTo("sum 5 from version 0");

            var refused = catchThrowableOfType(DeployRejectedException.class, () ->
                    runtime.activate(new VersionSource("adder", 1, null, RpcJars.CALLEE_ENTRY,
                            rpc.calleeWithoutAdder(1))));

            assertThat(refused.errors()).singleElement().satisfies(error -> {
                assertThat(error.path()).isEqualTo("class");
                assertThat(error.problem()).contains("typed calls of worker 'caller' through "
                        + "binding 'ADDER' would break").contains("does not implement it");
            });
            assertThat(server.get("/add").body()).isEqualTo("sum 5 from version 0");

            runtime.activate(new VersionSource("adder", 2, null, RpcJars.CALLEE_ENTRY,
                    rpc.callee(2)));

            assertThat(server.get("/add").body()).isEqualTo("sum 5 from version 2");
        }
    }
}
