/**
 * Runs workers: routing, invocations, service bindings (fetch and typed calls), background
 * tasks, outbound fetch and key-value namespaces, all in-process and on virtual threads.
 *
 * <p>The public classes {@link io.bindery.server.runtime.RequestScope},
 * {@link io.bindery.server.runtime.Invocation}, {@link io.bindery.server.runtime.Dispatcher},
 * {@link io.bindery.server.runtime.WorkerInvoker},
 * {@link io.bindery.server.runtime.ServiceBindingStub},
 * {@link io.bindery.server.runtime.TrackedTask} and
 * {@link io.bindery.server.runtime.OutboundFetch} are a contract with the Bindery agent, which
 * instruments their methods by name and signature; change them only together with the agent.
 */
package io.bindery.server.runtime;
