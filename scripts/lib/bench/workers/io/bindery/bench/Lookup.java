package io.bindery.bench;

/** Answers a name for an id: the typed interface the callee serves to RPC callers. */
public interface Lookup {

    /**
     * Returns the name behind an id.
     *
     * @param id any id
     * @return the name, never {@code null}
     */
    String name(int id);
}
