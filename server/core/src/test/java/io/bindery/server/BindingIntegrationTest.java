package io.bindery.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.server.testworkers.Probe;
import io.bindery.server.testworkers.Throwing;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks service bindings and worker failures on a real server, over real HTTP. */
class BindingIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKERS = "io.bindery.server.testworkers.";

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, """
                limits: { maxInvocations: 5 }
                workers:
                  - { name: caller, class: %1$sProbeCaller, routes: [/probe],
                      bindings: { callee: callee } }
                  - { name: callee, class: %1$sProbeCallee }
                  - { name: thrower, class: %1$sThrowing, routes: [/throw] }
                  - { name: catcher, class: %1$sCatchingCaller, routes: [/catch],
                      bindings: { failing: thrower } }
                  - { name: passer, class: %1$sPassingCaller, routes: [/pass],
                      bindings: { failing: thrower } }
                  - { name: recursive, class: %1$sRecursive, routes: [/recurse],
                      bindings: { self: recursive } }
                  - { name: asker, class: %1$sUndeclaredBinding, routes: [/ask],
                      bindings: { users: callee, auth: callee } }
                """.formatted(WORKERS));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void forget() {
        Probe.reset();
    }

    @Test
    void bindingRunsTheCalleeOnTheCallersVirtualThreadWithTheSameRequestObject() {
        HttpResponse<String> response = server.get("/probe");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("callee ran");
        Thread caller = Probe.CALLER_THREAD.get();
        assertThat(caller.isVirtual()).isTrue();
        assertThat(Probe.CALLEE_THREAD.get()).isSameAs(caller);
        assertThat(Probe.RECEIVED.get()).as("no serialization: the very same object")
                .isSameAs(Probe.SENT.get());
    }

    @Test
    void calleeRunsInsideTheCallersStackFrameThroughTheStubAlone() {
        server.get("/probe");

        List<String> stack = Probe.CALLEE_STACK.get();
        int callee = stack.indexOf(WORKERS + "ProbeCallee.fetch");
        int stub = stack.indexOf("io.bindery.server.runtime.ServiceBindingStub.fetch");
        int caller = stack.indexOf(WORKERS + "ProbeCaller.fetch");
        assertThat(callee).isZero();
        assertThat(stub).isGreaterThan(callee);
        assertThat(caller).as("the caller's frame is below the callee: a direct call")
                .isGreaterThan(stub);
        assertThat(stack.subList(callee, caller)).as("no I/O between caller and callee")
                .noneMatch(frame -> frame.startsWith("java.net.") || frame.startsWith("sun.nio")
                        || frame.startsWith("jdk.internal.net") || frame.contains("Socket"));
    }

    @Test
    void workerThatThrowsAnswers500JsonWithoutStackTraceAndIsLoggedOnce() throws IOException {
        HttpResponse<String> response;
        List<LogRecord> warnings;
        try (var log = LogCapture.of("io.bindery.server")) {
            response = server.get("/throw");
            warnings = log.at(Level.WARNING);
        }

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("worker_failed");
        assertThat(body.path("message").asText()).contains("The worker 'thrower' failed")
                .contains("IllegalStateException");
        assertThat(body.path("requestId").asText()).matches("[0-9a-f]{32}");
        assertThat(response.body()).doesNotContain("\tat ", ".java:", Throwing.MESSAGE);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getMessage()).contains("'thrower'")
                .contains(body.path("requestId").asText());
        assertThat(warnings.getFirst().getThrown()).hasMessage(Throwing.MESSAGE);
    }

    @Test
    void failureInABoundWorkerReachesTheCallerAsBindingExceptionWithoutItsStack()
            throws IOException {
        HttpResponse<String> response = server.get("/catch");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode failure = JSON.readTree(response.body());
        assertThat(failure.path("worker").asText()).isEqualTo("thrower");
        assertThat(failure.path("kind").asText()).isEqualTo("IllegalStateException");
        assertThat(failure.path("message").asText()).contains("'thrower'")
                .contains(Throwing.MESSAGE);
        assertThat(failure.path("stackDepth").asInt()).isZero();
        assertThat(failure.path("hasCause").asBoolean()).isFalse();
    }

    @Test
    void uncaughtBindingFailureAnswers500AndIsLoggedOnceWithTheCalleesException()
            throws IOException {
        HttpResponse<String> response;
        List<LogRecord> warnings;
        try (var log = LogCapture.of("io.bindery.server")) {
            response = server.get("/pass");
            warnings = log.at(Level.WARNING);
        }

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("kind").asText()).isEqualTo("IllegalStateException");
        assertThat(body.path("worker").asText()).isEqualTo("passer");
        assertThat(body.path("message").asText()).contains("'passer'")
                .contains("passed on from worker 'thrower'");
        assertThat(response.body()).doesNotContain(Throwing.MESSAGE);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getMessage()).contains("'thrower'").contains("'passer'");
        assertThat(warnings.getFirst().getThrown()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void askingForAnUndeclaredBindingNamesTheWorkerTheBindingAndItsBindings() {
        HttpResponse<String> response = server.get("/ask");

        assertThat(response.body()).contains("Worker 'asker'").contains("'billing'")
                .contains("auth, users");
    }

    @Test
    void bindingCallsPastTheInvocationLimitFail() {
        HttpResponse<String> response = server.get("/recurse");

        assertThat(response.statusCode()).isEqualTo(508);
        assertThat(response.body()).startsWith("InvocationLimitExceeded")
                .contains("would be worker invocation 6").contains("at most 5")
                .contains("(limits.maxInvocations)");
    }
}
