package io.bindery.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps records the database could not take in an append-only file of JSON lines,
 * {@code ledger-spill.jsonl}, forced to disk after each appended batch.
 *
 * <p>For replay, {@link #takeForReplay} renames the file to {@code ledger-spill-<n>.replay}
 * so that new appends start a fresh file; a replayed file is deleted only after its records
 * are in the database, and files left by a crash are replayed at the next start. Thread-safe:
 * appends and renames hold this object's lock.
 */
final class SpillFile {

    private static final String NAME = "ledger-spill.jsonl";
    private static final String REPLAY_SUFFIX = ".replay";

    private final Path dir;
    private final Path file;
    private final ObjectMapper mapper;
    private long pending;

    SpillFile(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
        this.mapper = mapper;
    }

    /** @return the spill file's path */
    Path path() {
        return file;
    }

    /** Appends a batch and forces it to disk. */
    synchronized void append(List<LedgerEntry> entries) throws IOException {
        var text = new StringBuilder();
        for (LedgerEntry entry : entries) {
            text.append(mapper.writeValueAsString(entry)).append('\n');
        }
        Files.createDirectories(dir);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
        pending += entries.size();
    }

    /** @return records appended since the last {@link #takeForReplay} */
    synchronized long pending() {
        return pending;
    }

    /** Moves the current file aside for replay; returns every file waiting for replay. */
    synchronized List<Path> takeForReplay() throws IOException {
        if (Files.exists(file)) {
            Path aside = dir.resolve("ledger-spill-" + System.nanoTime() + REPLAY_SUFFIX);
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        pending = 0;
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(REPLAY_SUFFIX))
                    .sorted().toList();
        }
    }

    /** Reads a file moved aside; a torn last line (from a crash mid-write) is skipped. */
    List<LedgerEntry> read(Path replay) throws IOException {
        var entries = new ArrayList<LedgerEntry>();
        for (String line : Files.readAllLines(replay, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(mapper.readValue(line, LedgerEntry.class));
            } catch (IOException e) {
                if (!line.endsWith("}")) {
                    continue;
                }
                throw new UncheckedIOException("The spill file " + replay + " holds a line "
                        + "that is not a ledger record; move the file away to go on.", e);
            }
        }
        return entries;
    }
}
