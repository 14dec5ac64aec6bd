package io.bindery.server.deploy.service;

/**
 * A new version of a worker as an admin sends it.
 *
 * @param worker the worker's name; a new name adds a worker
 * @param configYaml the worker entry's YAML, the fields of an entry of {@code workers:}
 *     without {@code name} and {@code jar}
 * @param jar the jar's bytes
 * @param label a free label such as a git sha, or {@code null}
 * @param activate whether to switch to the version once it is stored
 */
public record Upload(String worker, String configYaml, byte[] jar, String label,
        boolean activate) {
}
