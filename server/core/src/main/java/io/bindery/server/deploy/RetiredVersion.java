package io.bindery.server.deploy;

import java.time.Instant;

/**
 * Describes a replaced version of a worker: whether requests still run on it, and whether its
 * class loader has been closed and collected.
 *
 * @param worker the worker's name
 * @param version the replaced version
 * @param retiredAt when another version replaced it for new requests
 * @param requestsInFlight how many requests and background tasks still run on it
 * @param loaderClosed whether its class loader has been closed: its last request ended; for a
 *     worker on the server's class path, whose loader is the server's and is never closed,
 *     whether the version was released
 * @param loaderCollected whether the garbage collector has reclaimed its class loader; never
 *     for a worker on the server's class path
 */
public record RetiredVersion(String worker, int version, Instant retiredAt,
        int requestsInFlight, boolean loaderClosed, boolean loaderCollected) {
}
