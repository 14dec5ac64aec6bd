package io.bindery.server.config;

import java.util.List;

/**
 * Holds a whole, validated Bindery configuration.
 *
 * @param source the file or resource it was read from, for messages
 * @param server the listeners and shutdown settings
 * @param limits the per-request limits
 * @param workers the workers, in the order of the file
 */
public record BinderyConfig(String source, ServerSettings server, Limits limits,
        List<WorkerSpec> workers) {

    /** Copies the list so the record stays immutable. */
    public BinderyConfig {
        workers = List.copyOf(workers);
    }
}
