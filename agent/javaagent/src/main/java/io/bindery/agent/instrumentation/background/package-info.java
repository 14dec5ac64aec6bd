/**
 * Makes the background span of a {@code ctx.waitUntil} task: started when the
 * {@code TrackedTask} is constructed on the registering thread, current while its
 * {@code run()} executes on the background thread, ended when {@code run()} returns.
 */
package io.bindery.agent.instrumentation.background;
