/** Makes a binding client span around {@code ServiceBindingStub.fetch}. */
package io.bindery.agent.instrumentation.binding;
