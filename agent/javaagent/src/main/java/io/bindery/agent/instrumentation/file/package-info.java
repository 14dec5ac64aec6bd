/** Times file channel reads, writes and transfers: {@code sun.nio.ch.FileChannelImpl}. */
package io.bindery.agent.instrumentation.file;
