package io.bindery.server.deploy.service;

import io.bindery.ledger.StoredVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Keeps the jars of stored versions on local disk, where their class loaders read them:
 * {@code <folder>/<worker>/<version>-<sha256>.jar}. A jar is written once, through a
 * temporary file moved into place, and checked against its SHA-256 before it is used, so a
 * torn or altered file is written again from the database. Thread-safe.
 */
public final class JarCache {

    private final Path folder;

    private JarCache(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates a cache in a folder, usually {@code <data folder>/deploys}.
     *
     * @param folder the folder; created when needed
     * @return the cache
     */
    public static JarCache in(Path folder) {
        return new JarCache(folder.toAbsolutePath());
    }

    /**
     * Returns the local file of a version's jar, writing it first when it is missing or
     * does not match the version's SHA-256.
     *
     * @param version the stored version
     * @param bytes reads the jar's bytes from the database, called only when needed
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path jar(StoredVersion version, Supplier<byte[]> bytes) {
        Path file = folder.resolve(version.worker())
                .resolve(version.version() + "-" + version.sha256() + ".jar");
        try {
            if (Files.isRegularFile(file) && sha256(Files.readAllBytes(file))
                    .equals(version.sha256())) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "upload", ".tmp");
            Files.write(temporary, bytes.get());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The jar of " + version.worker() + " version "
                    + version.version() + " cannot be written to " + file + "; make "
                    + folder + " writable or set BINDERY_DATA_DIR to a writable folder.", e);
        }
    }

    @Override
    public String toString() {
        return "JarCache[" + folder + "]";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }
}
