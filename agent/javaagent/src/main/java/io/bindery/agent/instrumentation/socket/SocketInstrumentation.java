package io.bindery.agent.instrumentation.socket;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

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
                .transform(Advices.advice(named("read").and(takesArguments(3))
                        .and(takesArgument(0, byte[].class)), Read.class))
                .transform(Advices.advice(named("write").and(takesArguments(3))
                        .and(takesArgument(0, byte[].class)), Write.class))
                .transform(Advices.advice(named("connect")
                        .and(takesArguments(SocketAddress.class, int.class)), Connect.class));
    }

    private static AgentBuilder channel(AgentBuilder builder) {
        return builder.type(named(CHANNEL))
                .transform(Advices.advice(named("read").and(returns(int.class))
                        .and(takesArguments(ByteBuffer.class)), ChannelReadInt.class))
                .transform(Advices.advice(named("read").and(returns(long.class))
                        .and(takesArguments(3)), ChannelReadLong.class))
                .transform(Advices.advice(named("write").and(returns(int.class))
                        .and(takesArguments(ByteBuffer.class)), ChannelWriteInt.class))
                .transform(Advices.advice(named("write").and(returns(long.class))
                        .and(takesArguments(3)), ChannelWriteLong.class))
                .transform(Advices.advice(named("connect")
                        .and(takesArguments(SocketAddress.class)), Connect.class))
                .transform(Advices.advice(named("blockingRead"), Read.class))
                .transform(Advices.advice(named("blockingWriteFully"), Write.class))
                .transform(Advices.advice(named("blockingConnect"), Connect.class));
    }

    /** Times a blocking socket read. */
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
                Io.end(Io.SOCKET_READ, start, error);
            }
        }
    }

    /** Times a blocking socket write. */
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
                Io.end(Io.SOCKET_WRITE, start, error);
            }
        }
    }

    /** Times a socket connect. */
    public static final class Connect {

        private Connect() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.end(Io.SOCKET_CONNECT, start, error);
            }
        }
    }

    /** Times a channel read into one buffer. */
    public static final class ChannelReadInt {

        private ChannelReadInt() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.This SelectableChannel channel,
                @Advice.Return int moved, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(Io.SOCKET_READ, start, channel.isBlocking(), moved, error);
            }
        }
    }

    /** Times a channel read into several buffers. */
    public static final class ChannelReadLong {

        private ChannelReadLong() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.This SelectableChannel channel,
                @Advice.Return long moved, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(Io.SOCKET_READ, start, channel.isBlocking(), moved, error);
            }
        }
    }

    /** Times a channel write from one buffer. */
    public static final class ChannelWriteInt {

        private ChannelWriteInt() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.This SelectableChannel channel,
                @Advice.Return int moved, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(Io.SOCKET_WRITE, start, channel.isBlocking(), moved, error);
            }
        }
    }

    /** Times a channel write from several buffers. */
    public static final class ChannelWriteLong {

        private ChannelWriteLong() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.This SelectableChannel channel,
                @Advice.Return long moved, @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(Io.SOCKET_WRITE, start, channel.isBlocking(), moved, error);
            }
        }
    }
}
