package io.bindery.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.instrumentation.background.BackgroundInstrumentation;
import io.bindery.agent.instrumentation.binding.BindingInstrumentation;
import io.bindery.agent.instrumentation.file.FileInstrumentation;
import io.bindery.agent.instrumentation.http.HttpInstrumentation;
import io.bindery.agent.instrumentation.jdbc.JdbcInstrumentation;
import io.bindery.agent.instrumentation.request.RequestInstrumentation;
import io.bindery.agent.instrumentation.sleep.SleepInstrumentation;
import io.bindery.agent.instrumentation.socket.SocketInstrumentation;
import io.bindery.agent.instrumentation.threads.ThreadsInstrumentation;
import io.bindery.agent.instrumentation.worker.WorkerInstrumentation;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.telemetry.AgentStatus;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the instrumentation on a JVM: marks the agent attached, lets the JDK modules read
 * the bootstrap classes, and builds one ByteBuddy agent builder from the enabled modules.
 *
 * <p>Called once, from {@code premain}, after the bootstrap jar has been appended.
 */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    /**
     * Installs the agent.
     *
     * @param instrumentation the JVM's instrumentation
     * @param settings the agent's settings
     * @param version the agent's version, for the admin API
     * @return the number of instrumentation modules installed
     */
    public static int install(Instrumentation instrumentation, AgentSettings settings,
            String version) {
        AgentStatus.markAttached(version, settings.describe());
        keepByteBuddyOffUnsafe();
        SpanFrame.useIoThreshold(settings.ioThresholdNanos());
        addReadEdges(instrumentation);
        List<InstrumentationModule> modules = modules().stream()
                .filter(module -> settings.enabled(module.group()))
                .toList();
        AgentBuilder builder = builder(modules);
        for (InstrumentationModule module : modules) {
            builder = module.extend(builder);
        }
        builder.installOn(instrumentation);
        return modules.size();
    }

    /**
     * Returns every instrumentation module, enabled or not.
     *
     * @return the modules
     */
    public static List<InstrumentationModule> modules() {
        return List.of(new RequestInstrumentation(), new WorkerInstrumentation(),
                new BindingInstrumentation(), new BackgroundInstrumentation(),
                new HttpInstrumentation(), new SocketInstrumentation(), new FileInstrumentation(),
                new SleepInstrumentation(), new JdbcInstrumentation(),
                new ThreadsInstrumentation());
    }

    /**
     * Stops ByteBuddy from reaching for {@code sun.misc.Unsafe}, which JDK 24+ warns about:
     * the agent injects no classes, so it needs neither Unsafe nor the Nexus. The property
     * name is relocated with ByteBuddy, so it affects the agent's copy only.
     */
    private static void keepByteBuddyOffUnsafe() {
        if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
            System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        }
    }

    private static AgentBuilder builder(List<InstrumentationModule> modules) {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                // Advice only adds code to existing methods: decorating is the cheapest way.
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // JDK classes loaded while another is retransformed (ForkJoinPool, when
                // VirtualThread is) escape the transformer; a second pass catches them.
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                // Type descriptions are cached for long-lived loaders only: a worker jar's
                // loader must stay collectable once its version is replaced.
                .with(new LongLivedTypePools())
                .with(new SkipListener())
                .ignore(ignored(modules));
    }

    /** Ignores the agent's own and its libraries' classes, and all JDK classes not targeted. */
    private static ElementMatcher<TypeDescription> ignored(List<InstrumentationModule> modules) {
        String[] jdkTypes = modules.stream().flatMap(module -> module.jdkTypes().stream())
                .toArray(String[]::new);
        return nameStartsWith("io.bindery.agent.")
                .or(nameStartsWith("io.opentelemetry."))
                .or(nameStartsWith("io.bindery.telemetry."))
                .or(nameStartsWith("io.bindery.billing."))
                .or(nameStartsWith("com.fasterxml.jackson."))
                .or(nameStartsWith("io.helidon."))
                .or(isSynthetic())
                .or(nameStartsWith("java.").or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun."))
                        .and(not(namedOneOf(jdkTypes))));
    }

    /** Lets the JDK modules whose classes get advice read the bootstrap classes. */
    private static void addReadEdges(Instrumentation instrumentation) {
        Module bootstrapClasses = ThreadState.class.getModule();
        for (String name : List.of("java.base", "java.net.http", "java.sql")) {
            ModuleLayer.boot().findModule(name).ifPresent(module -> instrumentation
                    .redefineModule(module, Set.of(bootstrapClasses), Map.of(), Map.of(),
                            Set.of(), Map.of()));
        }
    }
}
