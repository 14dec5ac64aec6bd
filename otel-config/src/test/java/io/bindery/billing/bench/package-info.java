/**
 * Measures the billing processor's cost per span beside the SDK's batch processor (JMH) and
 * its memory per open trace; run by {@code scripts/bench-billing}, never by {@code mvn verify}.
 */
package io.bindery.billing.bench;
