package io.bindery.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.billing.BillingRecord;
import io.bindery.billing.BillingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes billing records to the ledger database off the request path, and sums them.
 *
 * <p>{@link #accept} only queues the record in a bounded buffer; one writer thread inserts
 * batches of up to {@code batchSize} records, waiting at most {@code batchInterval} to fill
 * one. Rows are keyed by trace id and request start and inserted with
 * {@code ON CONFLICT DO NOTHING}, so a record written twice is stored once. When the database
 * fails or is slow, batches (and records that find the buffer full) are appended to a spill
 * file forced to disk per batch; the writer retries the database with a backoff of 250 ms
 * doubling to 5 s and, once it answers, replays the spill file and deletes it; records
 * spilled because the buffer was full are replayed as soon as the buffer drains. Spill files
 * left by a crash are replayed at start. Each change of state is logged once, with figures.
 *
 * <p>{@link #close()} writes everything queued, to the database or else to the spill file.
 * After {@code kill -9}, records accepted within the last batch interval (plus one insert) may
 * be lost. Thread-safe.
 */
public final class Ledger implements BillingSink, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Ledger.class.getName());
    private static final long POLL_MILLIS = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final LedgerSettings settings;
    private final LedgerStore store;
    private final SpillFile spill;
    private final ArrayBlockingQueue<LedgerEntry> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicBoolean spillLogged = new AtomicBoolean();
    private volatile boolean closing;
    private volatile boolean down;
    private long downSince;
    private long nextAttempt;
    private Duration backoff = FIRST_BACKOFF;

    private Ledger(LedgerSettings settings) {
        var mapper = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.settings = settings;
        this.store = new LedgerStore(settings, mapper);
        this.spill = new SpillFile(settings.dataDir(), mapper);
        this.queue = new ArrayBlockingQueue<>(settings.bufferCapacity());
        this.writer = Thread.ofPlatform().name("bindery-ledger-writer").daemon()
                .unstarted(this::writeLoop);
    }

    /**
     * Starts a ledger: creates the data folder, starts the writer thread, which migrates the
     * schema (Flyway) and replays spill files left from before.
     *
     * @param settings where and how to write
     * @return the running ledger
     * @throws UncheckedIOException when the data folder cannot be created
     */
    public static Ledger start(LedgerSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("The ledger's data folder " + settings.dataDir()
                    + " cannot be created; set " + LedgerSettings.DATA_DIR_VARIABLE
                    + " to a writable folder.", e);
        }
        var ledger = new Ledger(settings);
        ledger.writer.start();
        LOGGER.log(Level.INFO, "Ledger writes billing records to " + settings.describe()
                + " as node " + settings.nodeId() + " (batches of " + settings.batchSize()
                + " records or " + settings.batchInterval().toMillis() + " ms, buffer "
                + settings.bufferCapacity() + ", spill file " + ledger.spill.path() + ")");
        return ledger;
    }

    /** Queues the record; never blocks on the database. A full buffer spills it to disk. */
    @Override
    public void accept(BillingRecord record) {
        LedgerEntry entry = LedgerEntry.of(record, settings.nodeId());
        if (closing || !queue.offer(entry)) {
            spill(List.of(entry), "the in-memory buffer of " + settings.bufferCapacity()
                    + " records is full");
        }
    }

    /**
     * Sums usage per step from the database.
     *
     * @param query the account, range and step
     * @return the non-empty buckets, oldest first
     * @throws LedgerUnavailableException when the database cannot be read
     */
    public List<UsageBucket> usage(UsageQuery query) {
        try {
            return store.usage(query);
        } catch (SQLException e) {
            throw new LedgerUnavailableException("The ledger database " + settings.describe()
                    + " cannot be read (" + e.getMessage() + "); retry when it is back.", e);
        }
    }

    /**
     * Counts the records stored in the database, from all nodes.
     *
     * @return the row count
     * @throws LedgerUnavailableException when the database cannot be read
     */
    public long storedCount() {
        try {
            return store.count();
        } catch (SQLException e) {
            throw new LedgerUnavailableException("The ledger database " + settings.describe()
                    + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** @return records this ledger inserted (or found already stored) so far */
    public long written() {
        return written.get();
    }

    /** @return records appended to the spill file so far */
    public long spilled() {
        return spilled.get();
    }

    /** @return records neither written nor spilled (the spill file failed too) */
    public long lost() {
        return lost.get();
    }

    /** @return whether the writer currently considers the database unreachable */
    public boolean databaseDown() {
        return down;
    }

    /** @return the settings */
    public LedgerSettings settings() {
        return settings;
    }

    /**
     * Writes every queued record (to the database, or else to the spill file) and stops the
     * writer; waits up to 30 seconds. Idempotent.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            writer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var left = new ArrayList<LedgerEntry>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            spill(left, "the writer did not finish within " + CLOSE_TIMEOUT.toSeconds() + " s");
        }
        LOGGER.log(Level.INFO, "Ledger closed: " + written.get() + " records written, "
                + spilled.get() + " spilled, " + lost.get() + " lost");
    }

    @Override
    public String toString() {
        return "Ledger[" + settings + "]";
    }

    private void writeLoop() {
        recover();
        try {
            while (!closing || !queue.isEmpty()) {
                List<LedgerEntry> batch = nextBatch();
                if (!batch.isEmpty()) {
                    write(batch);
                }
                if (down ? System.nanoTime() >= nextAttempt
                        : spill.pending() > 0 && queue.size() < settings.batchSize()) {
                    recover();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }

    /** Waits for a first record, then fills the batch until it is full or its time is up. */
    private List<LedgerEntry> nextBatch() throws InterruptedException {
        LedgerEntry first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        var batch = new ArrayList<LedgerEntry>(settings.batchSize());
        batch.add(first);
        long deadline = System.nanoTime() + settings.batchInterval().toNanos();
        while (batch.size() < settings.batchSize() && !closing) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= settings.batchSize() || left <= 0) {
                break;
            }
            LedgerEntry next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(
                    POLL_MILLIS)), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
        queue.drainTo(batch, settings.batchSize() - batch.size());
        return batch;
    }

    private void write(List<LedgerEntry> batch) {
        if (down && (System.nanoTime() < nextAttempt || !recover())) {
            spill(batch, "the database is unreachable");
            return;
        }
        try {
            written.addAndGet(store.insert(batch));
        } catch (SQLException e) {
            markDown(e);
            spill(batch, "the database is unreachable");
        }
    }

    /** Connects, replays spill files; returns whether the database is usable. */
    private boolean recover() {
        try {
            store.connection();
            long replayed = replay();
            if (down) {
                LOGGER.log(Level.INFO, "Ledger database " + settings.describe() + " is back "
                        + "after " + (System.nanoTime() - downSince) / 1_000_000 + " ms; "
                        + replayed + " spilled records replayed");
            } else if (replayed > 0) {
                LOGGER.log(Level.INFO, "Ledger replayed " + replayed + " records from its "
                        + "spill file (left at start, or spilled while the buffer was full)");
            }
            down = false;
            backoff = FIRST_BACKOFF;
            spillLogged.set(false);
            return true;
        } catch (SQLException | IOException | RuntimeException e) {
            markDown(e);
            return false;
        }
    }

    private long replay() throws IOException, SQLException {
        long replayed = 0;
        for (Path file : spill.takeForReplay()) {
            List<LedgerEntry> entries = spill.read(file);
            for (int i = 0; i < entries.size(); i += settings.batchSize()) {
                var chunk = entries.subList(i, Math.min(entries.size(),
                        i + settings.batchSize()));
                replayed += store.insert(chunk);
            }
            Files.delete(file);
        }
        written.addAndGet(replayed);
        return replayed;
    }

    private void markDown(Exception cause) {
        if (!down) {
            down = true;
            downSince = System.nanoTime();
            LOGGER.log(Level.WARNING, "Ledger database " + settings.describe() + " is "
                    + "unreachable after " + written.get() + " records written; new records "
                    + "go to " + spill.path() + " until it is back", cause);
        }
        nextAttempt = System.nanoTime() + backoff.toNanos();
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                : backoff.multipliedBy(2);
    }

    private void spill(List<LedgerEntry> entries, String why) {
        try {
            spill.append(entries);
            spilled.addAndGet(entries.size());
            if (spillLogged.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, "Ledger spilling records to " + spill.path()
                        + " because " + why + " (" + entries.size() + " in this batch, "
                        + spilled.get() + " spilled in total)");
            }
        } catch (IOException | RuntimeException e) {
            lost.addAndGet(entries.size());
            LOGGER.log(Level.ERROR, "Ledger lost " + entries.size() + " records: the spill "
                    + "file " + spill.path() + " cannot be written (" + lost.get()
                    + " lost in total)", e);
        }
    }
}
