/**
 * Sets up java.util.logging, which backs every {@code System.Logger} in the server: one
 * readable line per record, on standard output, INFO unless told otherwise.
 */
package io.bindery.server.logging;
