package io.bindery.server.deploy.service;

import io.bindery.ledger.DeployEvent;
import io.bindery.server.deploy.RetiredVersion;
import io.bindery.server.deploy.WorkerVersion;
import java.util.List;

/**
 * One worker as the deploy API lists it.
 *
 * @param active the version that serves
 * @param activation the recorded event that activated it, or {@code null} for the
 *     configuration file's entry served since start
 * @param storedVersions how many uploaded versions the database holds
 * @param retired the worker's replaced versions still tracked, newest first
 */
public record WorkerState(WorkerVersion active, DeployEvent activation, int storedVersions,
        List<RetiredVersion> retired) {
}
