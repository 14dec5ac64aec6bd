package io.bindery.agent.instrumentation.file;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments the public {@code read}, {@code write}, {@code transferTo} (a read) and
 * {@code transferFrom} (a write) methods of {@code sun.nio.ch.FileChannelImpl}, which
 * {@code Files.newByteChannel}, {@code Files.readAllBytes}, {@code FileChannel.open} and the
 * streams of {@code Files} use; group {@code files}.
 */
public final class FileInstrumentation implements InstrumentationModule {

    private static final String CHANNEL = "sun.nio.ch.FileChannelImpl";

    @Override
    public String group() {
        return "files";
    }

    @Override
    public List<String> jdkTypes() {
        return List.of(CHANNEL);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(named(CHANNEL))
                .transform(Advices.advice(isPublic().and(named("read").or(named("transferTo"))),
                        Read.class))
                .transform(Advices.advice(isPublic().and(named("write")
                        .or(named("transferFrom"))), Write.class));
    }

    /** Times a file read. */
    public static final class Read {

        private Read() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.end(Io.FILE_READ, start, error);
            }
        }
    }

    /** Times a file write. */
    public static final class Write {

        private Write() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.end(Io.FILE_WRITE, start, error);
            }
        }
    }
}
