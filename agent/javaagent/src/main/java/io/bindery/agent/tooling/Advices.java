package io.bindery.agent.tooling;

import io.bindery.agent.bootstrap.Failures;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Makes the transformers that apply advice classes, the same way for every module: advice
 * class files are read from the agent jar (never loaded into the instrumented class's loader),
 * and every suppressed {@code Throwable} goes to {@link Failures#swallowed(Throwable)}.
 */
public final class Advices {

    private static final Advice.ExceptionHandler TO_FAILURES = failuresHandler();

    private Advices() {
    }

    /**
     * Returns a transformer that applies an advice class to matching methods.
     *
     * @param methods the methods to instrument
     * @param advice a class whose static methods carry {@code @Advice.OnMethodEnter} or
     *     {@code @Advice.OnMethodExit} with {@code suppress = Throwable.class}
     * @return the transformer
     */
    public static AgentBuilder.Transformer advice(
            ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        return new AgentBuilder.Transformer.ForAdvice()
                .include(Advices.class.getClassLoader())
                .withExceptionHandler(TO_FAILURES)
                .advice(methods, advice.getName());
    }

    /**
     * Returns a transformer that applies timing advice to matching methods, binding the
     * advice's {@link IoOperation} parameter to the given operation.
     *
     * @param methods the methods to instrument
     * @param advice a class from {@code io.bindery.agent.instrumentation.io.TimedIo}
     * @param operation one of the {@code io.bindery.agent.bootstrap.Io} operation constants
     * @return the transformer
     */
    public static AgentBuilder.Transformer timed(
            ElementMatcher<? super MethodDescription> methods, Class<?> advice, int operation) {
        var mapping = Advice.withCustomMapping().bind(IoOperation.class, operation);
        return new AgentBuilder.Transformer.ForAdvice(mapping)
                .include(Advices.class.getClassLoader())
                .withExceptionHandler(TO_FAILURES)
                .advice(methods, advice.getName());
    }

    private static Advice.ExceptionHandler failuresHandler() {
        try {
            var swallowed = Failures.class.getMethod("swallowed", Throwable.class);
            return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(
                    new MethodDescription.ForLoadedMethod(swallowed)));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The bootstrap jar has no Failures.swallowed; "
                    + "rebuild the agent from one source tree.", e);
        }
    }
}
