package io.bindery.server.deploy.service;

import io.bindery.server.deploy.WorkerVersion;

/**
 * The result of switching a worker to a version.
 *
 * @param active the version that serves now
 * @param previous the version number that served before
 */
public record Activation(WorkerVersion active, int previous) {
}
