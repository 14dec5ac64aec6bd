/**
 * Installs the agent: reads its settings, adds the module read edges the JDK advice needs,
 * and builds ByteBuddy's {@code AgentBuilder} from the instrumentation modules.
 *
 * <p>Loaded by the system class loader; ByteBuddy is shaded into the agent jar under
 * {@code io.bindery.agent.shaded.bytebuddy}.
 */
package io.bindery.agent.tooling;
