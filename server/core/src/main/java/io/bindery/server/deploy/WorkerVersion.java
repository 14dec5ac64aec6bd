package io.bindery.server.deploy;

import java.time.Instant;
import java.util.List;

/**
 * Describes a version of a worker that the runtime serves or served.
 *
 * @param worker the worker's name
 * @param version 0 for the configuration file's entry, 1 and up for uploaded versions
 * @param label the version's label; {@code config} for version 0
 * @param sha256 the SHA-256 of the version's jar in lowercase hex; {@code null} for version 0
 * @param className the class that implements {@code Worker} or {@code WorkerFactory}
 * @param routes the routes the version answers as entry worker
 * @param activatedAt when the version began to take new requests
 */
public record WorkerVersion(String worker, int version, String label, String sha256,
        String className, List<String> routes, Instant activatedAt) {

    /** The label of version 0, the configuration file's entry. */
    public static final String CONFIG_LABEL = "config";

    /** Copies the routes so the record stays immutable. */
    public WorkerVersion {
        routes = List.copyOf(routes);
    }
}
