package io.bindery.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks when blocking operations are timed and where they go. */
class IoTest {

    @AfterEach
    void clear() {
        ThreadState.swap(null);
    }

    @Test
    void operationOutsideARequestIsNotTimed() {
        assertThat(Io.start()).isEqualTo(Io.OFF);
    }

    @Test
    void operationInsideARequestGoesToTheCurrentFrame() {
        var frame = new RecordingFrame("frame");
        ThreadState.swap(frame);

        long start = Io.start();
        Io.end(Io.SOCKET_READ, start, null);
        Io.end(Io.FILE_WRITE, Io.start(), new IOException("disk full"));

        assertThat(start).isNotEqualTo(Io.OFF);
        assertThat(frame.events).containsExactly("socket.read", "file.write failed");
    }

    @Test
    void nestedOperationIsNotTimedAgain() {
        var frame = new RecordingFrame("frame");
        ThreadState.swap(frame);

        long outer = Io.start();
        long inner = Io.start();
        Io.end(Io.SOCKET_READ, inner, null);
        Io.end(Io.JDBC, outer, null);

        assertThat(inner).isEqualTo(Io.OFF);
        assertThat(frame.events).containsExactly("jdbc.execute");
        long next = Io.start();
        Io.end(Io.SLEEP, next, null);
        assertThat(next).isNotEqualTo(Io.OFF);
    }

    @Test
    void nonBlockingTransferThatMovedNothingIsDropped() {
        var frame = new RecordingFrame("frame");
        ThreadState.swap(frame);

        Io.endTransfer(Io.SOCKET_READ, Io.start(), false, 0, null);
        Io.endTransfer(Io.SOCKET_WRITE, Io.start(), false, 12, null);
        Io.endTransfer(Io.SOCKET_READ, Io.start(), true, 0, null);

        assertThat(frame.events).containsExactly("socket.write", "socket.read");
    }
}
