/**
 * Drives a running server's deploy API from the command line ({@code scripts/deploy}): push a
 * worker's jar, list versions, activate one, roll back, read the history.
 */
package io.bindery.server.cli;
