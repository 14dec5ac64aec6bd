package io.bindery.server.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Describes what one version of a worker is made of, for
 * {@link io.bindery.server.runtime.WorkerRuntime#activate}.
 *
 * @param worker the worker's name; a new name adds a worker
 * @param version the version number, 1 and up (0 is the configuration file's entry)
 * @param label a free label, such as a git commit; may be {@code null}
 * @param configYaml the worker's entry in YAML: the fields of an entry of {@code workers:}
 *     ({@code class}, {@code routes}, {@code bindings}, {@code vars}, {@code limits}, ...)
 *     without {@code name} and {@code jar}
 * @param jar the version's jar, a local file that stays in place while the version may run
 */
public record VersionSource(String worker, int version, String label, String configYaml,
        Path jar) {

    /** Checks the fields that must be present. */
    public VersionSource {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(configYaml, "configYaml");
        Objects.requireNonNull(jar, "jar");
        if (version < 1) {
            throw new IllegalArgumentException("Version " + version + " of worker '" + worker
                    + "' is not 1 or more; 0 is the configuration file's entry, activate it "
                    + "with activateConfigured.");
        }
    }
}
