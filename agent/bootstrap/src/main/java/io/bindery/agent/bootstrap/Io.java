package io.bindery.agent.bootstrap;

/**
 * Times blocking operations for the advice inlined into JDK classes: sockets, file channels,
 * sleeps and JDBC statements.
 *
 * <p>Advice calls {@link #start()} on entry and, when that did not return {@link #OFF}, one of
 * the {@code end} methods on exit, on the same thread. Operations nested in a timed one (the
 * socket reads of a JDBC driver, say) are not timed again. Without a current request frame
 * {@code start} costs one thread-local lookup.
 */
public final class Io {

    /** Returned by {@link #start()} when the operation is not timed. */
    public static final long OFF = Long.MIN_VALUE;

    /** A read from a socket. */
    public static final int SOCKET_READ = 0;
    /** A write to a socket. */
    public static final int SOCKET_WRITE = 1;
    /** A socket connect. */
    public static final int SOCKET_CONNECT = 2;
    /** A read from a file channel. */
    public static final int FILE_READ = 3;
    /** A write to a file channel. */
    public static final int FILE_WRITE = 4;
    /** A {@code Thread.sleep} in any of its forms. */
    public static final int SLEEP = 5;
    /** A JDBC statement execution. */
    public static final int JDBC = 6;

    private static final String[] NAMES = {"socket read", "socket write", "socket connect",
        "file read", "file write", "sleep", "jdbc execute"};
    private static final String[] KEYS = {"socket.read", "socket.write", "socket.connect",
        "file.read", "file.write", "sleep", "jdbc.execute"};

    private Io() {
    }

    /**
     * Returns the span name of an operation, such as {@code socket read}.
     *
     * @param op an operation code of this class
     * @return the name
     */
    public static String spanName(int op) {
        return NAMES[op];
    }

    /**
     * Returns the {@code bindery.io.op} value of an operation, such as {@code socket.read}.
     *
     * @param op an operation code of this class
     * @return the value
     */
    public static String key(int op) {
        return KEYS[op];
    }

    /**
     * Starts timing an operation if a request frame is current and no operation is timed.
     *
     * @return the start in {@link System#nanoTime()} units, or {@link #OFF}
     */
    public static long start() {
        ThreadState state = ThreadState.withFrame();
        if (state == null || state.ioDepth > 0) {
            return OFF;
        }
        state.ioDepth = 1;
        return System.nanoTime();
    }

    /**
     * Ends timing and hands the operation to the current frame.
     *
     * @param op the operation code
     * @param start what {@link #start()} returned
     * @param error what the operation threw, or {@code null}
     */
    public static void end(int op, long start, Throwable error) {
        if (start == OFF) {
            return;
        }
        long end = System.nanoTime();
        ThreadState state = ThreadState.withFrame();
        if (state == null) {
            return;
        }
        try {
            state.frame.io(op, start, end, error);
        } finally {
            state.ioDepth = 0;
        }
    }

    /**
     * Ends timing a channel transfer. On a non-blocking channel an operation that moved no
     * bytes neither waited nor did any work, so it is dropped.
     *
     * @param op the operation code
     * @param start what {@link #start()} returned
     * @param blocking whether the channel was in blocking mode
     * @param moved the bytes moved, or the operation's {@code int}/{@code long} result
     * @param error what the operation threw, or {@code null}
     */
    public static void endTransfer(int op, long start, boolean blocking, long moved,
            Throwable error) {
        if (blocking || moved > 0 || error != null) {
            end(op, start, error);
        } else if (start != OFF) {
            cancel();
        }
    }

    private static void cancel() {
        ThreadState state = ThreadState.withFrame();
        if (state != null) {
            state.ioDepth = 0;
        }
    }
}
