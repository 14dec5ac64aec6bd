package io.bindery.agent.instrumentation.file;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.instrumentation.io.TimedIo.Blocking;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

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
                .transform(Advices.timed(isPublic().and(named("read").or(named("transferTo"))),
                        Blocking.class, Io.FILE_READ))
                .transform(Advices.timed(isPublic().and(named("write")
                        .or(named("transferFrom"))), Blocking.class, Io.FILE_WRITE));
    }
}
