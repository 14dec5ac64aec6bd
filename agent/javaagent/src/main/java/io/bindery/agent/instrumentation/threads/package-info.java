/**
 * Carries the request's context across threads: executor submissions, and new platform and
 * virtual threads (including {@code Executors.newVirtualThreadPerTaskExecutor} and
 * {@code StructuredTaskScope} forks, which start threads through
 * {@code Thread.start(ThreadContainer)}).
 */
package io.bindery.agent.instrumentation.threads;
