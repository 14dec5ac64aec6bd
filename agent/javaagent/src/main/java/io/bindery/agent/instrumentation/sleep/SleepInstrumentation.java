package io.bindery.agent.instrumentation.sleep;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.instrumentation.io.TimedIo.Blocking;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Instruments the private {@code static void java.lang.Thread.sleepNanos(long)}, through
 * which {@code Thread.sleep(long)}, {@code sleep(long, int)}, {@code sleep(Duration)} and
 * {@code TimeUnit.sleep} pass on JDK 21 to 25, for platform and virtual threads; group
 * {@code sleep}.
 */
public final class SleepInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "sleep";
    }

    @Override
    public List<String> jdkTypes() {
        return List.of("java.lang.Thread");
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named("java.lang.Thread"))
                .transform(Advices.timed(named("sleepNanos").and(isStatic())
                        .and(takesArguments(long.class)), Blocking.class, Io.SLEEP));
    }
}
