package io.bindery.worker;

import java.time.Duration;
import java.util.Optional;

/**
 * Stores text values by key: a key-value namespace bound to a worker by configuration.
 *
 * <p>Implemented by the platform; in-memory by default. All methods are thread-safe.
 */
public interface KvNamespace {

    /**
     * Returns the value stored under a key, unless it is absent or expired.
     *
     * @param key the key
     * @return the value, or empty
     */
    Optional<String> get(String key);

    /**
     * Stores a value that never expires, replacing any value under the same key.
     *
     * @param key the key
     * @param value the value
     */
    void put(String key, String value);

    /**
     * Stores a value that expires after the given time, replacing any value under the same key.
     *
     * @param key the key
     * @param value the value
     * @param timeToLive how long the value stays readable; must be positive
     */
    void put(String key, String value, Duration timeToLive);

    /**
     * Removes the value under a key, if any.
     *
     * @param key the key
     * @return {@code true} if a live value was removed
     */
    boolean delete(String key);
}
