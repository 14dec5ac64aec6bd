/**
 * Defines what a worker author writes against: a {@link io.bindery.worker.Worker} handler, the
 * {@link io.bindery.worker.Request} and {@link io.bindery.worker.Response} values it exchanges,
 * and the {@link io.bindery.worker.Env} and {@link io.bindery.worker.ExecutionContext} through
 * which the platform hands it capabilities.
 *
 * <p>The platform implements {@code Env}, {@code ServiceBinding}, {@code ExecutionContext} and
 * {@code KvNamespace}; worker authors only call them, so new methods can be added to those
 * interfaces without breaking any worker.
 */
package io.bindery.worker;
