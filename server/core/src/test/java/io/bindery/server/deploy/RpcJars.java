package io.bindery.server.deploy;

import io.bindery.server.WorkerJars;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the jars of two workers joined by a typed binding: a caller that adds two numbers
 * through the {@code Adder} interface, and versions of the callee that serve it; each jar has
 * its own copy of the interface and of the {@code Sum} record, as separately built jars do.
 */
final class RpcJars {

    static final String CALLER = "com.example.rpc.Caller";
    static final String CALLEE = "com.example.rpc.Callee";
    static final String CALLEE_ENTRY = "class: " + CALLEE;
    private static final String ADDER = "com.example.rpc.Adder";
    private static final String SUM = "com.example.rpc.Sum";

    private final Path dir;
    private final String loaderProperty;

    /**
     * @param dir where to build
     * @param loaderProperty the system property a callee's start(env) puts its loader in
     */
    RpcJars(Path dir, String loaderProperty) {
        this.dir = dir;
        this.loaderProperty = loaderProperty;
    }

    /**
     * Returns the configuration of the caller on {@code /add}, bound as {@code ADDER} to the
     * callee's version 0.
     */
    String config() {
        return """
                workers:
                  - { name: caller, class: %s, jar: %s, routes: ["/add"],
                      bindings: { ADDER: adder } }
                  - { name: adder, class: %s, jar: %s }
                """.formatted(CALLER, caller(), CALLEE, callee(0));
    }

    Path caller() {
        return WorkerJars.build(dir.resolve("caller-build"), dir.resolve("caller.jar"),
                Map.of(CALLER, """
                        package com.example.rpc;

                        import io.bindery.worker.*;

                        public class Caller implements Worker {
                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                Sum sum = env.service("ADDER", Adder.class).add(new Sum(2, 3));
                                return Response.text(200, "sum " + sum.left() + " from "
                                        + "version " + sum.right());
                            }
                        }
                        """, ADDER, adderSource(), SUM, sumSource()));
    }

    Path callee(int version) {
        return WorkerJars.build(dir.resolve("callee-build-" + version),
                dir.resolve("callee-" + version + ".jar"), Map.of(CALLEE, """
                        package com.example.rpc;

                        import io.bindery.worker.*;

                        public class Callee implements Worker, Adder {
                            @Override
                            public void start(Env env) {
                                System.getProperties().put("%s", getClass().getClassLoader());
                            }

                            @Override
                            public Sum add(Sum pair) {
                                return new Sum(pair.left() + pair.right(), %d);
                            }

                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                return Response.status(404);
                            }
                        }
                        """.formatted(loaderProperty, version), ADDER, adderSource(), SUM,
                sumSource()));
    }

    private static String adderSource() {
        return """
                package com.example.rpc;

                public interface Adder {
                    Sum add(Sum pair);
                }
                """;
    }

    private static String sumSource() {
        return """
                package com.example.rpc;

                public record Sum(int left, int right) {
                }
                """;
    }

    /** @return a callee version that no longer implements the interface its caller uses */
    Path calleeWithoutAdder(int version) {
        return WorkerJars.build(dir.resolve("plain-build-" + version),
                dir.resolve("plain-" + version + ".jar"), Map.of(CALLEE, """
                        package com.example.rpc;

                        import io.bindery.worker.*;

                        public class Callee implements Worker {
                            @Override
                            public Response fetch(Request request, Env env,
                                    ExecutionContext ctx) {
                                return Response.status(404);
                            }
                        }
                        """));
    }
}
