package io.bindery.agent.instrumentation.io;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.tooling.IoOperation;
import java.nio.channels.SelectableChannel;
import net.bytebuddy.asm.Advice;

/**
 * Holds the advice that times blocking operations: sockets, files, sleeps and JDBC. Which
 * operation a method performs is bound to the {@link IoOperation} parameter when the advice is
 * applied, so the inlined code only refers to the bootstrap class {@link Io}.
 */
public final class TimedIo {

    private TimedIo() {
    }

    /** Times a call that blocks for as long as it runs. */
    public static final class Blocking {

        private Blocking() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @IoOperation int operation,
                @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.end(operation, start, error);
            }
        }
    }

    /** Times a channel transfer that returns an {@code int} count of bytes moved. */
    public static final class ChannelInt {

        private ChannelInt() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @IoOperation int operation,
                @Advice.This SelectableChannel channel, @Advice.Return int moved,
                @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(operation, start, channel.isBlocking(), moved, error);
            }
        }
    }

    /** Times a channel transfer that returns a {@code long} count of bytes moved. */
    public static final class ChannelLong {

        private ChannelLong() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return Io.start();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @IoOperation int operation,
                @Advice.This SelectableChannel channel, @Advice.Return long moved,
                @Advice.Thrown Throwable error) {
            if (start != Io.OFF) {
                Io.endTransfer(operation, start, channel.isBlocking(), moved, error);
            }
        }
    }
}
