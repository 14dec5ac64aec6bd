/**
 * Provides small workers that the server's tests configure by class name.
 */
package io.bindery.server.testworkers;
