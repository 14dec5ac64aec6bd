/**
 * Groups the instrumented areas, one package each: {@code request}, {@code worker},
 * {@code binding}, {@code background}, {@code http}, {@code socket}, {@code file},
 * {@code sleep}, {@code jdbc} and {@code threads}.
 *
 * <p>Every package has one {@link io.bindery.agent.tooling.InstrumentationModule} with its
 * matchers and class-loader pre-checks, and its advice as nested static classes whose methods
 * suppress every {@code Throwable}; the blocking-I/O areas share the timing advice of
 * {@code io}, bound to their operation when applied. Advice for JDK classes refers to the
 * bootstrap classes only; advice for server classes may call the tooling directly, since both
 * are loaded by the system class loader.
 */
package io.bindery.agent.instrumentation;
