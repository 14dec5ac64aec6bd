/**
 * Holds the few JDK-only classes that the agent appends to the bootstrap class path, so that
 * advice inlined into JDK classes ({@code java.lang.Thread}, {@code sun.nio.ch.*},
 * {@code java.util.concurrent.*}, the JDK HTTP client) can reach the agent.
 *
 * <p>Nothing here refers to OpenTelemetry, ByteBuddy or Bindery server types: the agent's
 * tooling, loaded by the system class loader, implements {@link
 * io.bindery.agent.bootstrap.RequestFrame} and {@link io.bindery.agent.bootstrap.ClientCall},
 * and the JDK advice only ever sees those interfaces. Every method here is safe to call from
 * any thread and never throws into the application when called from advice.
 */
package io.bindery.agent.bootstrap;
