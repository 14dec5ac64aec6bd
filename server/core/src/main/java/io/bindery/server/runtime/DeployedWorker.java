package io.bindery.server.runtime;

import io.bindery.worker.Env;
import io.bindery.worker.Worker;

/**
 * Pairs a worker instance with what it runs with: its name, account, environment and the
 * class loader its classes came from.
 */
record DeployedWorker(String name, String account, Worker worker, Env env, ClassLoader loader) {
}
