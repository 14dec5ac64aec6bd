/**
 * Holds the agent's entry point, {@link io.bindery.agent.BinderyAgent}, loaded by the system
 * class loader from the agent jar.
 *
 * <p>The packages follow the class loaders: {@code io.bindery.agent.bootstrap} (its own jar,
 * nested in this one) is appended to the bootstrap class path; {@code tooling} installs
 * ByteBuddy; {@code trace} turns measurements into spans; {@code instrumentation.*} holds one
 * package per instrumented area, each with its matchers and advice.
 */
package io.bindery.agent;
