package io.bindery.server.deploy.service;

import java.time.Instant;

/**
 * One version of a worker as the deploy API lists it.
 *
 * @param worker the worker's name
 * @param version the number; 0 is the configuration file's entry
 * @param label the label; {@code config} for version 0
 * @param sha256 the jar's SHA-256, or {@code null} for version 0
 * @param size the jar's size in bytes; 0 for version 0
 * @param createdBy who uploaded it, or {@code null} for version 0
 * @param createdAt when it was uploaded, or {@code null} for version 0
 * @param status {@code active}, {@code refused} (its last activation failed) or
 *     {@code inactive}
 */
public record VersionState(String worker, int version, String label, String sha256, long size,
        String createdBy, Instant createdAt, String status) {
}
