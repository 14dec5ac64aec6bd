package io.bindery.agent.instrumentation.request;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.server.runtime.RequestScope;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments {@code io.bindery.server.runtime.Dispatcher.dispatch(RequestScope, Request)}
 * with the request span; always on.
 */
public final class RequestInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "request";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named("io.bindery.server.runtime.Dispatcher"),
                        not(isBootstrapClassLoader()))
                .transform(Advices.advice(named("dispatch").and(isPublic())
                        .and(takesArguments(2)), DispatchAdvice.class));
    }

    /** Starts the request span at dispatch entry and completes it at exit. */
    public static final class DispatchAdvice {

        private DispatchAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveSpan enter(@Advice.Argument(0) RequestScope scope,
                @Advice.Argument(1) Request request) {
            return RequestSpans.start(scope, request);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveSpan active, @Advice.Argument(0) RequestScope scope,
                @Advice.Argument(1) Request request,
                @Advice.Return(readOnly = false) Response response,
                @Advice.Thrown Throwable error) {
            if (active != null) {
                response = RequestSpans.end(active, scope, request, response, error);
            }
        }
    }
}
