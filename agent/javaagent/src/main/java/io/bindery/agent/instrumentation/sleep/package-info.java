/** Times sleeps: every form of {@code Thread.sleep} passes through {@code sleepNanos}. */
package io.bindery.agent.instrumentation.sleep;
