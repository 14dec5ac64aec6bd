/**
 * Turns what the advice sees into OpenTelemetry spans, per the span contract: request frames,
 * retroactive I/O spans on the trace's anchored clock, http client calls and W3C headers.
 *
 * <p>Loaded by the system class loader; uses the OpenTelemetry API and SDK classes of the
 * application class path and the tracer of {@code BinderyTelemetry.installed()}.
 */
package io.bindery.agent.trace;
