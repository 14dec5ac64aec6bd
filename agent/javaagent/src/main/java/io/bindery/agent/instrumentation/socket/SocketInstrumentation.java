package io.bindery.agent.instrumentation.socket;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.instrumentation.io.TimedIo.Blocking;
import io.bindery.agent.instrumentation.io.TimedIo.ChannelInt;
import io.bindery.agent.instrumentation.io.TimedIo.ChannelLong;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Instruments socket I/O inside a request; group {@code sockets}.
 *
 * <ul>
 *   <li>{@code NioSocketImpl}: private {@code read(byte[], int, int)} and
 *       {@code write(byte[], int, int)}, and {@code connect(SocketAddress, int)}.
 *   <li>{@code SocketChannelImpl}: {@code read} and {@code write} of one buffer or an array
 *       of them, {@code connect(SocketAddress)}, and the socket adaptor's
 *       {@code blockingRead}, {@code blockingWriteFully} and {@code blockingConnect}.
 * </ul>
 *
 * <p>On a non-blocking channel an operation that moved no bytes is not counted: it neither
 * waited nor worked.
 */
public final class SocketInstrumentation implements InstrumentationModule {

    private static final String SOCKET = "sun.nio.ch.NioSocketImpl";
    private static final String CHANNEL = "sun.nio.ch.SocketChannelImpl";

    @Override
    public String group() {
        return "sockets";
    }

    @Override
    public List<String> jdkTypes() {
        return List.of(SOCKET, CHANNEL);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return channel(socket(builder));
    }

    private static AgentBuilder socket(AgentBuilder builder) {
        return builder.type(named(SOCKET))
                .transform(Advices.timed(named("read").and(takesArguments(3))
                        .and(takesArgument(0, byte[].class)), Blocking.class, Io.SOCKET_READ))
                .transform(Advices.timed(named("write").and(takesArguments(3))
                        .and(takesArgument(0, byte[].class)), Blocking.class, Io.SOCKET_WRITE))
                .transform(Advices.timed(named("connect")
                        .and(takesArguments(SocketAddress.class, int.class)), Blocking.class,
                        Io.SOCKET_CONNECT));
    }

    private static AgentBuilder channel(AgentBuilder builder) {
        return builder.type(named(CHANNEL))
                .transform(Advices.timed(named("read").and(returns(int.class))
                        .and(takesArguments(ByteBuffer.class)), ChannelInt.class, Io.SOCKET_READ))
                .transform(Advices.timed(named("read").and(returns(long.class))
                        .and(takesArguments(3)), ChannelLong.class, Io.SOCKET_READ))
                .transform(Advices.timed(named("write").and(returns(int.class))
                        .and(takesArguments(ByteBuffer.class)), ChannelInt.class, Io.SOCKET_WRITE))
                .transform(Advices.timed(named("write").and(returns(long.class))
                        .and(takesArguments(3)), ChannelLong.class, Io.SOCKET_WRITE))
                .transform(Advices.timed(named("connect")
                        .and(takesArguments(SocketAddress.class)), Blocking.class,
                        Io.SOCKET_CONNECT))
                .transform(Advices.timed(named("blockingRead"), Blocking.class, Io.SOCKET_READ))
                .transform(Advices.timed(named("blockingWriteFully"), Blocking.class,
                        Io.SOCKET_WRITE))
                .transform(Advices.timed(named("blockingConnect"), Blocking.class,
                        Io.SOCKET_CONNECT));
    }
}
