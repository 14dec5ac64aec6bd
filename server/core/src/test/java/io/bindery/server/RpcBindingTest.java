package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed calls through a service binding, in-process, with the platform's limits. */
class RpcBindingTest {

    private static final String WORKERS = "io.bindery.server.testworkers.";

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, """
                workers:
                  - { name: caller, class: %1$sRpcCaller, routes: ["/rpc/*"],
                      bindings: { calc: calculator } }
                  - { name: calculator, class: %1$sCalculatorWorker }
                """.formatted(WORKERS));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void sharedImmutableResultReachesTheCallerAsItIsAndCollectionsAreCopied() {
        HttpResponse<String> response = server.get("/rpc/add");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Total[sum=6, count=3] same=true");
    }

    @Test
    void calleeFailureReachesTheCallerAsBindingExceptionWithoutItsStack() {
        HttpResponse<String> response = server.get("/rpc/fail");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("calculator|IllegalStateException|The worker "
                + "'calculator' failed with IllegalStateException: no luck|stack=0");
    }

    @Test
    void typedCallsCountTowardTheInvocationLimit() {
        HttpResponse<String> response = server.get("/rpc/loop");

        assertThat(response.statusCode()).isEqualTo(508);
        assertThat(response.body()).startsWith("31|InvocationLimitExceeded|")
                .contains("would be worker invocation 33").contains("at most 32");
    }

    @Test
    void parameterThatCannotCrossFailsWhenTheServiceIsAskedFor() {
        HttpResponse<String> response = server.get("/rpc/upload");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Worker 'caller'")
                .contains(WORKERS + "Unsendable.upload").contains("binding 'calc'")
                .contains("parameter 1 (java.io.InputStream)").contains("cannot cross")
                .contains("Change the parameter");
    }
}
