package io.bindery.server.runtime;

/**
 * Describes one run of a worker handler, as the agent sees it.
 *
 * @param worker the name of the worker that runs
 * @param account the account the worker is billed to
 * @param version the worker's deployed version: 0 for the configuration file's entry
 * @param entry {@code true} for the entry worker of an incoming request, {@code false} for a
 *     worker called through a service binding
 * @param binding the binding name the caller used; {@code null} for an entry invocation
 * @param caller the name of the calling worker; {@code null} for an entry invocation
 */
public record Invocation(String worker, String account, int version, boolean entry,
        String binding, String caller) {

    /**
     * Returns the invocation of an entry worker.
     *
     * @param worker the worker's name
     * @param account its account
     * @param version its deployed version
     * @return the invocation
     */
    public static Invocation entry(String worker, String account, int version) {
        return new Invocation(worker, account, version, true, null, null);
    }

    /**
     * Returns the invocation of a worker called through a service binding.
     *
     * @param worker the target worker's name
     * @param account the target's account
     * @param version the target's deployed version
     * @param binding the binding's name in the caller's configuration
     * @param caller the calling worker's name
     * @return the invocation
     */
    public static Invocation bound(String worker, String account, int version, String binding,
            String caller) {
        return new Invocation(worker, account, version, false, binding, caller);
    }
}
