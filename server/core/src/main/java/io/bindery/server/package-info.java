/**
 * Starts and stops a Bindery server: {@link io.bindery.server.Main} for the command line,
 * {@link io.bindery.server.BinderyServer} for the listeners and their lifecycle.
 */
package io.bindery.server;
