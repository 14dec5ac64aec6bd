/**
 * Reads and validates Bindery's YAML configuration as a whole, reporting every error with its
 * file, line, field path and fix before anything starts.
 */
package io.bindery.server.config;
