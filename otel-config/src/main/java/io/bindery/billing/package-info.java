/**
 * Turns each request's trace into one billing record: the union of its busy intervals, the
 * classic per-invocation sum, and the sinks, metrics and JSON shapes that carry the record.
 */
package io.bindery.billing;
