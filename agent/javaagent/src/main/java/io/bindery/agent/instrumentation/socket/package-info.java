/**
 * Times socket connects, reads and writes: {@code sun.nio.ch.NioSocketImpl} (behind
 * {@code java.net.Socket}) and {@code sun.nio.ch.SocketChannelImpl} (channels and their socket
 * adaptors).
 */
package io.bindery.agent.instrumentation.socket;
