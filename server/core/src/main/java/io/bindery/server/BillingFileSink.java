package io.bindery.server;

import io.bindery.billing.BillingJson;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.BillingSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends billing records to a file, one JSON object per line in the shape of the admin API's
 * {@code GET /api/requests/{traceId}} ({@link BillingJson#detail}).
 *
 * <p>{@link #accept} only queues the record, so it never blocks the billing thread; a writer
 * thread appends what is queued and flushes after each batch. {@link #close()} writes every
 * record queued before it and closes the file: close it after the telemetry, whose close
 * delivers the last records. Turned on by the system property {@value #PROPERTY} or the
 * environment variable {@value #VARIABLE}. Thread-safe.
 */
public final class BillingFileSink implements BillingSink, AutoCloseable {

    /** The system property that names the file. */
    public static final String PROPERTY = "bindery.billing.file";

    /** The environment variable that names the file, when the property is not set. */
    public static final String VARIABLE = "BINDERY_BILLING_FILE";

    private static final System.Logger LOGGER = System.getLogger(BillingFileSink.class.getName());
    private static final Object STOP = new Object();

    private final Path file;
    private final BufferedWriter out;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    private BillingFileSink(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
        this.writer = Thread.ofPlatform().name("bindery-billing-file").daemon()
                .unstarted(this::writeLoop);
    }

    /**
     * Opens the file for appending, creating it and its folder when missing.
     *
     * @param file the file
     * @return the running sink
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static BillingFileSink open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            var sink = new BillingFileSink(file, out);
            sink.writer.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("The billing file " + file + " cannot be opened for "
                    + "appending; fix the path in " + PROPERTY + " or " + VARIABLE + ".", e);
        }
    }

    /**
     * Returns the file the process is configured to write records to.
     *
     * @return the file from {@value #PROPERTY}, else {@value #VARIABLE}; {@code null} when
     *     neither is set
     */
    public static Path configured() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(VARIABLE);
        }
        return name == null || name.isBlank() ? null : Path.of(name);
    }

    @Override
    public void accept(BillingRecord record) {
        if (!closed) {
            queue.add(record);
        }
    }

    /** @return the number of records written so far */
    public long written() {
        return written.get();
    }

    /** Writes what is queued, then closes the file; waits up to 10 seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOGGER.log(Level.INFO, () -> "Billing file " + file + " closed after " + written.get()
                + " records");
    }

    private void writeLoop() {
        var batch = new ArrayList<Object>();
        try (out) {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch);
                if (write(batch)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOGGER.log(Level.ERROR, "Billing file " + file + " cannot be written; records are "
                    + "no longer appended to it", e);
        }
    }

    /** Writes a batch and flushes; returns {@code true} when the batch held the stop mark. */
    private boolean write(List<Object> batch) throws IOException {
        boolean stop = false;
        for (Object item : batch) {
            if (item instanceof BillingRecord record) {
                out.write(BillingJson.detail(record));
                out.newLine();
                written.incrementAndGet();
            } else {
                stop = true;
            }
        }
        out.flush();
        return stop;
    }
}
