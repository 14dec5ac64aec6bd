/**
 * Makes a worker span around {@code WorkerInvoker.invoke}, where the platform calls every
 * worker, so workers written as lambdas (hidden classes, which cannot be instrumented) get
 * spans too.
 */
package io.bindery.agent.instrumentation.worker;
