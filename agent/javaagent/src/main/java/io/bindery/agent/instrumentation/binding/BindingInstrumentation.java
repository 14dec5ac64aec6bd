package io.bindery.agent.instrumentation.binding;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.ThreadState;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import io.bindery.agent.trace.ActiveSpan;
import io.bindery.agent.trace.SpanFrame;
import io.bindery.agent.trace.SpanKeys;
import io.bindery.server.runtime.ServiceBindingStub;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.reflect.Method;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments {@code ServiceBindingStub.fetch(Request)} and the typed
 * {@code ServiceBindingStub.call(Method, Object[])} with the binding span; group
 * {@code bindings}.
 */
public final class BindingInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "bindings";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named("io.bindery.server.runtime.ServiceBindingStub"),
                        not(isBootstrapClassLoader()))
                .transform(Advices.advice(named("fetch").and(isPublic())
                        .and(takesArguments(1)), FetchAdvice.class))
                .transform(Advices.advice(named("call").and(isPublic())
                        .and(takesArguments(2)), CallAdvice.class));
    }

    /**
     * Starts the span of one binding call and makes it current.
     *
     * @param stub the binding
     * @return the active span, or {@code null} outside a request
     */
    public static ActiveSpan start(ServiceBindingStub stub) {
        if (!(ThreadState.currentFrame() instanceof SpanFrame parent)) {
            return null;
        }
        Span span = parent.childBuilder("binding " + stub.name(), SpanKind.CLIENT)
                .setAttribute(SpanKeys.SPAN, "binding")
                .setAttribute(SpanKeys.BINDING, stub.name())
                .setAttribute(SpanKeys.TARGET, stub.target())
                .setAttribute(SpanKeys.WORKER, stub.caller())
                .startSpan();
        return ActiveSpan.open(parent.child(span, false));
    }

    /**
     * Starts the span of one typed binding call and makes it current.
     *
     * @param stub the binding
     * @param method the interface method called
     * @return the active span, or {@code null} outside a request
     */
    public static ActiveSpan startCall(ServiceBindingStub stub, Method method) {
        if (!(ThreadState.currentFrame() instanceof SpanFrame parent)) {
            return null;
        }
        Span span = parent.childBuilder("rpc " + stub.name() + "." + method.getName(),
                        SpanKind.CLIENT)
                .setAttribute(SpanKeys.SPAN, "binding")
                .setAttribute(SpanKeys.BINDING, stub.name())
                .setAttribute(SpanKeys.TARGET, stub.target())
                .setAttribute(SpanKeys.WORKER, stub.caller())
                .setAttribute(SpanKeys.RPC_SYSTEM, "bindery")
                .setAttribute(SpanKeys.RPC_SERVICE, method.getDeclaringClass().getName())
                .setAttribute(SpanKeys.RPC_METHOD, method.getName())
                .startSpan();
        return ActiveSpan.open(parent.child(span, false));
    }

    /** Wraps one typed binding call in a binding span. */
    public static final class CallAdvice {

        private CallAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveSpan enter(@Advice.This ServiceBindingStub stub,
                @Advice.Argument(0) Method method) {
            return BindingInstrumentation.startCall(stub, method);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveSpan active, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.close(error);
            }
        }
    }

    /** Wraps one binding call in a binding span. */
    public static final class FetchAdvice {

        private FetchAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveSpan enter(@Advice.This ServiceBindingStub stub) {
            return BindingInstrumentation.start(stub);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveSpan active, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.close(error);
            }
        }
    }
}
