package io.bindery.agent.instrumentation.worker;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.server.runtime.Invocation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments {@code WorkerInvoker.invoke(Invocation, Request, RequestScope)} with the worker
 * span; group {@code workers}.
 */
public final class WorkerInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "workers";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named("io.bindery.server.runtime.WorkerInvoker"),
                        not(isBootstrapClassLoader()))
                .transform(Advices.advice(named("invoke").and(isPublic())
                        .and(takesArguments(3)), InvokeAdvice.class));
    }

    /** Wraps one handler call in a worker span. */
    public static final class InvokeAdvice {

        private InvokeAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveSpan enter(@Advice.Argument(0) Invocation invocation) {
            return WorkerSpans.start(invocation);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveSpan active, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.close(error);
            }
        }
    }
}
