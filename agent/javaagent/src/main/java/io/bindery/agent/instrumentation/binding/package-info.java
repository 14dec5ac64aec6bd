/**
 * Makes a binding client span around {@code ServiceBindingStub.fetch} and the typed
 * {@code ServiceBindingStub.call}.
 */
package io.bindery.agent.instrumentation.binding;
