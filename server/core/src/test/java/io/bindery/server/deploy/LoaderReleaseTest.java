package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import io.bindery.server.runtime.WorkerRuntime;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a replaced version's class loader is closed when its last request ends and is
 * then garbage-collected: a weak reference to it is cleared within a bounded number of
 * {@code System.gc()} calls, for a plain worker and for one called through typed RPC with
 * values copied across class loaders.
 */
class LoaderReleaseTest {

    private static final String LOADER = "bindery.test.loader";
    private static final String GATE = "bindery.test.gate";
    private static final String ENTERED = "bindery.test.entered";
    private static final int MAX_GC_ROUNDS = 50;
    private static final String HELLO = "com.example.gc.Hello";

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        List.of(LOADER, GATE, ENTERED).forEach(System.getProperties()::remove);
    }

    @Test
    void replacedLoaderIsClosedAfterItsLastRequestAndCollected() throws Exception {
        var entered = new CountDownLatch(1);
        var gate = new CountDownLatch(1);
        System.getProperties().put(ENTERED, entered);
        System.getProperties().put(GATE, gate);
        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: hello, class: %s, jar: %s, routes: ["/hello"] }
                """.formatted(HELLO, hello(0)))) {
            WorkerRuntime runtime = server.server().runtime();
            runtime.activate(new VersionSource("hello", 1, null, "class: " + HELLO
                    + "\nroutes: [/hello]\n", hello(1)));
            WeakReference<ClassLoader> v1 = takeLoader();
            assertThat(server.get("/hello").body()).isEqualTo("hello 1");
            var held = CompletableFuture.supplyAsync(() -> server.get("/hello?hold"));
            entered.await();

            runtime.activate(new VersionSource("hello", 2, null, "class: " + HELLO
                    + "\nroutes: [/hello]\n", hello(2)));

            assertThat(server.get("/hello").body()).isEqualTo("hello 2");
            assertThat(runtime.retired()).first().satisfies(retired -> {
                assertThat(retired.version()).isEqualTo(1);
                assertThat(retired.requestsInFlight()).isEqualTo(1);
                assertThat(retired.loaderClosed()).isFalse();
            });
            gate.countDown();
            assertThat(held.get().body()).isEqualTo("hello 1");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    runtime.retired().getFirst().loaderClosed());
            assertCollected(v1);
            assertThat(runtime.retired().getFirst().loaderCollected()).isTrue();
            assertThat(runtime.retired().getFirst().requestsInFlight()).isZero();
        }
    }

    @Test
    void replacedVersionThatFetchedIsCollected() throws Exception {
        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: hello, class: %s, jar: %s, routes: ["/hello"] }
                  - { name: echo, class: io.bindery.server.testworkers.Echo, routes: ["/echo"] }
                """.formatted(HELLO, hello(0)))) {
            WorkerRuntime runtime = server.server().runtime();
            runtime.activate(new VersionSource("hello", 1, null, "class: " + HELLO
                    + "\nroutes: [/hello]\n", hello(1)));
            WeakReference<ClassLoader> v1 = takeLoader();
            assertThat(server.get("/hello?fetch").body()).isEqualTo("fetched 200");

            runtime.activate(new VersionSource("hello", 2, null, "class: " + HELLO
                    + "\nroutes: [/hello]\n", hello(2)));

            assertCollected(v1);
        }
    }

    @Test
    void replacedTypedRpcTargetIsCollected() throws Exception {
        var rpc = new RpcJars(dir, LOADER);
        try (TestServer server = TestServer.start(dir, rpc.config())) {
            WorkerRuntime runtime = server.server().runtime();
            runtime.activate(new VersionSource("adder", 1, null, RpcJars.CALLEE_ENTRY,
                    rpc.callee(1)));
            WeakReference<ClassLoader> v1 = takeLoader();
            assertThat(server.get("/add").body()).isEqualTo("sum 5 from version 1");

            runtime.activate(new VersionSource("adder", 2, null, RpcJars.CALLEE_ENTRY,
                    rpc.callee(2)));

            assertThat(server.get("/add").body()).isEqualTo("sum 5 from version 2");
            assertCollected(v1);
        }
    }

    /** Takes the loader a version's start(env) published, keeping only a weak reference. */
    private static WeakReference<ClassLoader> takeLoader() {
        var loader = (ClassLoader) System.getProperties().remove(LOADER);
        assertThat(loader).isInstanceOf(URLClassLoader.class);
        return new WeakReference<>(loader);
    }

    private static void assertCollected(WeakReference<ClassLoader> loader)
            throws InterruptedException {
        for (int round = 0; round < MAX_GC_ROUNDS && !loader.refersTo(null); round++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.refersTo(null)).as("the class loader was collected within "
                + MAX_GC_ROUNDS + " System.gc() rounds").isTrue();
    }

    private Path hello(int version) {
        return WorkerJars.build(dir.resolve("hello-build-" + version),
                dir.resolve("hello-" + version + ".jar"), Map.of(HELLO, """
                        package com.example.gc;

                        import io.bindery.worker.*;
                        import java.util.concurrent.CountDownLatch;

                        public class Hello implements Worker {
                            @Override
                            public void start(Env env) {
                                System.getProperties().put("%s", getClass().getClassLoader());
                            }

                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) throws Exception {
                                if ("fetch".equals(request.url().getQuery())) {
                                    return Response.text(200, "fetched " + ctx.fetch(
                                            Request.get(request.url().resolve("/echo")
                                                    .toString())).status());
                                }
                                if ("hold".equals(request.url().getQuery())) {
                                    var properties = System.getProperties();
                                    ((CountDownLatch) properties.get("%s")).countDown();
                                    ((CountDownLatch) properties.get("%s")).await();
                                }
                                return Response.text(200, "hello %d");
                            }
                        }
                        """.formatted(LOADER, ENTERED, GATE, version)));
    }
}
