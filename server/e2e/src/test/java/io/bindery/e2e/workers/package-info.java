/**
 * Holds the workers the end-to-end tests run in forked servers: each exercises one thing the
 * agent instruments (bindings fanned out on virtual threads, background tasks, lambdas,
 * blocking I/O of every kind, typed calls through a binding).
 */
package io.bindery.e2e.workers;
