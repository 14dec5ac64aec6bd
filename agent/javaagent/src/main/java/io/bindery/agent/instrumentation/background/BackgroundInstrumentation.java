package io.bindery.agent.instrumentation.background;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import io.bindery.agent.trace.ActiveSpan;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments {@code io.bindery.server.runtime.TrackedTask}: its constructors, {@code run()}
 * and the private {@code failed(Exception)} that {@code run()} calls when the task throws;
 * group {@code background}.
 */
public final class BackgroundInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "background";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named("io.bindery.server.runtime.TrackedTask"),
                        not(isBootstrapClassLoader()))
                .transform(Advices.advice(isConstructor(), RegisterAdvice.class))
                .transform(Advices.advice(named("run").and(takesArguments(0)), RunAdvice.class))
                .transform(Advices.advice(named("failed").and(takesArguments(1)),
                        FailedAdvice.class));
    }

    /** Starts the background span on the registering thread. */
    public static final class RegisterAdvice {

        private RegisterAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object task) {
            BackgroundSpans.register(task);
        }
    }

    /** Makes the background span current while the task runs, then ends it. */
    public static final class RunAdvice {

        private RunAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveSpan enter(@Advice.This Object task) {
            return BackgroundSpans.begin(task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveSpan active, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.close(error);
            }
        }
    }

    /** Records the task's failure on the background span. */
    public static final class FailedAdvice {

        private FailedAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable failure) {
            BackgroundSpans.failed(failure);
        }
    }
}
