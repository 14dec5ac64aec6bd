/**
 * Connects Bindery to Helidon's WebServer: the public listener that hands requests to the
 * dispatcher, and the token-protected admin listener.
 */
package io.bindery.server.http;
