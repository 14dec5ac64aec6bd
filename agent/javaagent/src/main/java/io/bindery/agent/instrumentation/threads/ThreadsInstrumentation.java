package io.bindery.agent.instrumentation.threads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.FrameScope;
import io.bindery.agent.bootstrap.Handoff;
import io.bindery.agent.bootstrap.RequestFrame;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.Argument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Instruments the hand-offs between threads; group {@code threads}. Checked against the JDK 25
 * class files:
 *
 * <ul>
 *   <li>{@code Thread.start()} and {@code Thread.start(ThreadContainer)} (platform threads;
 *       thread-per-task executors and {@code StructuredTaskScope} use the latter), and
 *       {@code VirtualThread.start(ThreadContainer)} (every virtual thread start) remember the
 *       current frame; {@code Thread.run()} and the private {@code VirtualThread.run(Runnable)}
 *       make it current on the new thread.
 *   <li>{@code ThreadPoolExecutor.execute(Runnable)}, {@code ForkJoinPool.execute(Runnable)},
 *       its {@code submit(Runnable)}, {@code submit(Runnable, T)} and
 *       {@code submit(Callable)}, and {@code ScheduledThreadPoolExecutor.schedule} of a
 *       {@code Runnable} or {@code Callable} wrap the task; the frame is hidden while the pool
 *       does its own bookkeeping, so the worker threads it starts get none.
 * </ul>
 *
 * <p>Note: a platform {@code Thread} subclass that overrides {@code run()} without calling
 * {@code super.run()} does not get the frame; periodic scheduled tasks are not wrapped.
 */
public final class ThreadsInstrumentation implements InstrumentationModule {

    private static final String THREAD = "java.lang.Thread";
    private static final String VIRTUAL = "java.lang.VirtualThread";
    private static final String POOL = "java.util.concurrent.ThreadPoolExecutor";
    private static final String FORK_JOIN = "java.util.concurrent.ForkJoinPool";
    private static final String SCHEDULED = "java.util.concurrent.ScheduledThreadPoolExecutor";

    @Override
    public String group() {
        return "threads";
    }

    @Override
    public List<String> jdkTypes() {
        return List.of(THREAD, VIRTUAL, POOL, FORK_JOIN, SCHEDULED);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return executors(threads(builder));
    }

    private static AgentBuilder threads(AgentBuilder builder) {
        return builder.type(named(THREAD))
                .transform(Advices.advice(named("start").and(takesArguments(0))
                        .or(named("start").and(takesArguments(1))), Start.class))
                .transform(Advices.advice(named("run").and(takesArguments(0)), Run.class))
                .type(named(VIRTUAL))
                .transform(Advices.advice(named("start").and(takesArguments(1)), Start.class))
                .transform(Advices.advice(named("run").and(takesArguments(Runnable.class)),
                        Run.class));
    }

    private static AgentBuilder executors(AgentBuilder builder) {
        return builder.type(named(POOL))
                .transform(Advices.advice(named("execute").and(takesArguments(Runnable.class)),
                        SubmitRunnable.class))
                .type(named(FORK_JOIN))
                .transform(Advices.advice(named("execute").or(named("submit"))
                        .and(takesArgument(0, Runnable.class)), SubmitRunnable.class))
                .transform(Advices.advice(named("submit").and(takesArgument(0, Callable.class)),
                        SubmitCallable.class))
                .type(named(SCHEDULED))
                .transform(Advices.advice(named("schedule")
                        .and(takesArguments(Runnable.class, long.class, TimeUnit.class)),
                        SubmitRunnable.class))
                .transform(Advices.advice(named("schedule")
                        .and(takesArguments(Callable.class, long.class, TimeUnit.class)),
                        SubmitCallable.class));
    }

    /** Remembers the starting thread's frame for the new thread. */
    public static final class Start {

        private Start() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            Handoff.threadStarting(thread);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Thread thread, @Advice.Thrown Throwable error) {
            if (error != null) {
                Handoff.threadStartFailed(thread);
            }
        }
    }

    /** Makes the remembered frame current while the new thread runs. */
    public static final class Run {

        private Run() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static FrameScope enter(@Advice.This Thread thread) {
            return Handoff.threadRunning(thread);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter FrameScope scope) {
            Handoff.close(scope);
        }
    }

    /** Wraps a submitted {@code Runnable} and hides the frame during the submission. */
    public static final class SubmitRunnable {

        private SubmitRunnable() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static RequestFrame enter(@Argument(value = 0, readOnly = false) Runnable task) {
            RequestFrame hidden = Handoff.suspend();
            task = Handoff.wrap(task, hidden);
            return hidden;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter RequestFrame hidden) {
            Handoff.resume(hidden);
        }
    }

    /** Wraps a submitted {@code Callable} and hides the frame during the submission. */
    public static final class SubmitCallable {

        private SubmitCallable() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static RequestFrame enter(@Argument(value = 0, readOnly = false,
                typing = Assigner.Typing.DYNAMIC) Callable<?> task) {
            RequestFrame hidden = Handoff.suspend();
            task = Handoff.wrap(task, hidden);
            return hidden;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter RequestFrame hidden) {
            Handoff.resume(hidden);
        }
    }
}
