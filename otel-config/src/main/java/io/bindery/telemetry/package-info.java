/**
 * Builds Bindery's OpenTelemetry SDK: autoconfigure, the billing processor, an always-record
 * sampler, the {@code bindery-jsonl} span exporter and a Prometheus text view of the metrics.
 */
package io.bindery.telemetry;
