/**
 * Holds the workers the limit and failure tests run in forked servers: workers that recurse
 * through bindings, fetch too often, stall past the wall time, leave background work behind,
 * throw, catch, and take requests of any size.
 */
package io.bindery.e2e.limits.workers;
