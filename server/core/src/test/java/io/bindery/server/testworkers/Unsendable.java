package io.bindery.server.testworkers;

import java.io.InputStream;

/** An interface whose parameter cannot cross a binding. */
public interface Unsendable {

    /**
     * Takes a stream, which has no copy.
     *
     * @param body the stream
     * @return anything
     */
    String upload(InputStream body);
}
