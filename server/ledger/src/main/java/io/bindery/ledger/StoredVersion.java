package io.bindery.ledger;

import java.time.Instant;

/**
 * One uploaded version of a worker as the deploy store holds it, without the jar's bytes
 * ({@link DeployStore#jar} reads them).
 *
 * @param worker the worker's name
 * @param version the version number, 1 or more
 * @param label the free label given at upload (a git sha, a ticket), or {@code null}
 * @param sha256 the jar's SHA-256, 64 lower-case hex digits
 * @param size the jar's size in bytes
 * @param configYaml the worker entry's YAML, without name and jar
 * @param createdBy who uploaded it
 * @param createdAt when it was stored
 */
public record StoredVersion(String worker, int version, String label, String sha256,
        long size, String configYaml, String createdBy, Instant createdAt) {
}
