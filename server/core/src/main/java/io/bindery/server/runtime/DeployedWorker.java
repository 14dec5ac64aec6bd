package io.bindery.server.runtime;

import io.bindery.server.config.WorkerSpec;
import io.bindery.worker.Env;
import io.bindery.worker.Worker;
import java.time.Instant;

/**
 * Pairs one version of a worker with what it runs with: its configuration entry, instance,
 * environment and the class loader its classes came from.
 *
 * @param spec the worker's configuration entry
 * @param version 0 for the configuration file's entry, 1 and up for uploaded versions
 * @param label a free label of the version, such as a git commit; {@code config} for 0
 * @param sha256 the jar's SHA-256 in hex; {@code null} for version 0
 * @param activatedAt when the version began to take requests
 * @param worker the instance
 * @param env its environment
 * @param loader the class loader of its classes
 */
record DeployedWorker(WorkerSpec spec, int version, String label, String sha256,
        Instant activatedAt, Worker worker, Env env, ClassLoader loader) {

    /** @return the worker's name */
    String name() {
        return spec.name();
    }

    /** @return the account the worker is billed to */
    String account() {
        return spec.account();
    }
}
