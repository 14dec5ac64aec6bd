/**
 * Checks Bindery's limits and failure paths end to end: forked servers with the agent
 * attached, real HTTP, and the billing record of every request read back from the admin API
 * or, across a shutdown, from the billing file.
 *
 * <p>{@link io.bindery.e2e.limits.E2e} holds what these tests share; their workers live in
 * {@code io.bindery.e2e.limits.workers}. {@link io.bindery.e2e.limits.EventsExporterProvider}
 * adds a span exporter that writes span events, for the exception events the agent records.
 */
package io.bindery.e2e.limits;
