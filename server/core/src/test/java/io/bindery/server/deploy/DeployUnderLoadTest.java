package io.bindery.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.server.TestServer;
import io.bindery.server.WorkerJars;
import io.bindery.server.runtime.WorkerRuntime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces two workers, a caller and the worker it binds, while client threads send requests
 * without pause: no request fails, requests sent after the switch see only the new versions,
 * and a request that started before the switch finishes on the old versions, its binding
 * call and its background task included.
 */
class DeployUnderLoadTest {

    private static final String FRONT = "com.example.load.Front";
    private static final String BACK = "com.example.load.Back";
    private static final String GATE = "bindery.test.gate";
    private static final String ENTERED = "bindery.test.entered";
    private static final String BACKGROUND = "bindery.test.background";
    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_PHASE = 40;

    @TempDir
    Path dir;

    private final AtomicBoolean switched = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    @AfterEach
    void clearProperties() {
        List.of(GATE, ENTERED, BACKGROUND).forEach(System.getProperties()::remove);
    }

    @Test
    void replacingWorkersUnderLoadFailsNoRequest() throws Exception {
        var entered = new CountDownLatch(1);
        var gate = new CountDownLatch(1);
        System.getProperties().put(ENTERED, entered);
        System.getProperties().put(GATE, gate);

        try (TestServer server = TestServer.start(dir, """
                workers:
                  - { name: front, class: %s, jar: %s, routes: ["/front"],
                      bindings: { BACK: back } }
                  - { name: back, class: %s, jar: %s }
                """.formatted(FRONT, front(0), BACK, back(0)))) {
            WorkerRuntime runtime = server.server().runtime();
            var held = CompletableFuture.supplyAsync(() -> server.get("/front?hold"));
            entered.await();
            List<Thread> clients = startClients(server);
            awaitAnswers(REQUESTS_PER_PHASE);

            runtime.activate(new VersionSource("back", 1, null, "class: " + BACK, back(1)));
            runtime.activate(new VersionSource("front", 1, null, "class: " + FRONT
                    + "\nroutes: [/front]\nbindings: { BACK: back }\n", front(1)));
            switched.set(true);
            awaitAnswers(2 * REQUESTS_PER_PHASE);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            gate.countDown();

            assertThat(held.get().body()).isEqualTo("front 0, back 0");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    System.getProperties().get(BACKGROUND) != null);
            assertThat(System.getProperties().get(BACKGROUND)).isEqualTo("back 0");
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers).filteredOn(Answer::afterSwitch).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.body()).isEqualTo("front 1, back 1"));
        assertThat(answers).extracting(Answer::body).containsOnly("front 0, back 0",
                "front 0, back 1", "front 1, back 1");
    }

    private List<Thread> startClients(TestServer server) {
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofPlatform().name("load-client-" + i).start(() -> {
                while (!stop.get()) {
                    boolean after = switched.get();
                    HttpResponse<String> response = server.get("/front");
                    answers.add(new Answer(response.statusCode(), response.body(), after));
                }
            }));
        }
        return clients;
    }

    private void awaitAnswers(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= count);
    }

    private Path front(int version) {
        return WorkerJars.build(dir.resolve("front-build-" + version),
                dir.resolve("front-" + version + ".jar"), Map.of(FRONT, """
                        package com.example.load;

                        import io.bindery.worker.*;
                        import java.util.concurrent.CountDownLatch;

                        public class Front implements Worker {
                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) throws Exception {
                                ServiceBinding back = env.binding("BACK");
                                if ("hold".equals(request.url().getQuery())) {
                                    var properties = System.getProperties();
                                    ((CountDownLatch) properties.get("%s")).countDown();
                                    ((CountDownLatch) properties.get("%s")).await();
                                    ctx.waitUntil(() -> properties.put("%s",
                                            back.fetch(request).text()));
                                }
                                return Response.text(200, "front %d, "
                                        + back.fetch(request).text());
                            }
                        }
                        """.formatted(ENTERED, GATE, BACKGROUND, version)));
    }

    private Path back(int version) {
        return WorkerJars.build(dir.resolve("back-build-" + version),
                dir.resolve("back-" + version + ".jar"), Map.of(BACK, """
                        package com.example.load;

                        import io.bindery.worker.*;

                        public class Back implements Worker {
                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                return Response.text(200, "back %d");
                            }
                        }
                        """.formatted(version)));
    }

    /** One response a client received, and whether it sent the request after the switch. */
    private record Answer(int status, String body, boolean afterSwitch) {
    }
}
