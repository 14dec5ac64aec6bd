/**
 * Provides the advice shared by the instrumentations of blocking I/O ({@code socket},
 * {@code file}, {@code sleep}, {@code jdbc}): enter and exit timing through the bootstrap
 * class {@code Io}, parameterised by the operation.
 */
package io.bindery.agent.instrumentation.io;
